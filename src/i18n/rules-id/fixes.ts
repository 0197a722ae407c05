/**
 * What to do about each rule's finding, in one Indonesian sentence: the action tables' "Fix"
 * (the English one is the first sentence of the rule's `meta.fix`). Keyed by rule id;
 * test/i18n/rule-messages.test.ts fails when a rule lacks one.
 */
export const RULE_FIXES_ID: Readonly<Record<string, string>> = {
  'schema/syntax':
    'Buka file pada baris dan kolom yang disebut lalu perbaiki YAML-nya; gunakan spasi untuk indentasi dan tulis setiap key sekali saja per mapping.',
  'schema/invalid':
    'Lengkapi field yang hilang atau perbaiki nilainya sesuai pesan; `touchpoint schema inventory` menampilkan schema lengkapnya.',
  'schema/unknown-key': 'Pakai key yang disarankan, atau pindahkan data tambahan ke bawah `meta:`.',
  'schema/duplicate-id':
    'Beri salah satu entri id baru yang unik (dan ganti juga namanya di ekspor metrik).',
  'schema/unknown-reference':
    'Pakai nama yang disarankan, atau tambahkan tahap, channel (`channels:` di konfigurasi), segmen atau event lifecycle yang belum ada.',
  'schema/vague-purpose':
    'Tulis satu kalimat tentang hasil yang dicapai touchpoint ini bagi pelanggan dan perusahaan.',
  'ownerless/missing-owner': 'Tambahkan `owner:` berisi id tim atau orang dari daftar `owners:`.',
  'ownerless/placeholder-owner':
    'Ganti placeholder itu dengan id tim atau orang dari daftar `owners:`.',
  'ownerless/unknown-owner':
    'Pakai id dari daftar `owners:` (pesan menyarankan yang paling mirip), atau tambahkan owner tersebut ke daftar.',
  'ownerless/over-capacity':
    'Alihkan sebagian touchpoint ke owner lain, hentikan beberapa, atau naikkan `capacity` owner jika timnya memang bertambah.',
  'waiver/expired':
    'Perbaiki temuan yang dikecualikan, atau perpanjang waiver dengan tanggal `expires` baru dan alasan yang mutakhir.',
  'gap/empty-stage':
    'Tambahkan touchpoint untuk tahap dan segmen itu, perluas `segments` touchpoint yang sudah ada, atau keluarkan tahap itu dari daftar `journey:` jika memang tidak berlaku.',
  'gap/silence':
    'Jadwalkan touchpoint proaktif di dalam rentang sepi itu (atau pengulangan dengan `every:`), atau naikkan batasnya untuk segmen tersebut lewat `silence.segments` di konfigurasi.',
  'gap/no-data':
    'Tambahkan metrik ke ekspor (touchpoint_id dan nama metrik harus sama dengan inventaris; petakan id vendor dengan aliases: di konfigurasi), betulkan nama metrik di inventaris, atau perbaiki baris yang disebut pesan.',
  'gap/below-target':
    'Perbaiki touchpoint-nya (konten, timing, channel), atau tinjau ulang targetnya jika sejak awal tidak realistis.',
  'gap/stale-data':
    'Perbarui ekspornya (atau job yang menghasilkannya), atau naikkan freshness: di konfigurasi untuk metrik yang hanya diukur per kuartal.',
  'gap/not-running':
    'Periksa sistem pengirimnya: flow yang dijeda atau masih draft, trigger yang tidak pernah jalan, atau filter audiens yang mengecualikan segmen itu.',
  'gap/undocumented-touchpoint':
    'Dokumentasikan touchpoint itu di inventaris; jika ekspor memakai nama lain untuk touchpoint yang sudah terdokumentasi, petakan dengan aliases:, atau masukkan id yang bukan touchpoint ke ignore: di konfigurasi.',
  'overlap/collision':
    'Geser `timing.at` salah satu touchpoint (seluruh pengulangannya ikut bergeser): temuan ini mengusulkan pergeseran terkecil, paling jauh 30 hari ke depan atau ke belakang, yang menyelesaikannya tanpa bentrok, kepadatan berlebih atau jeda sepi yang baru.',
  'overlap/density':
    'Renggangkan sentuhannya (`timing.at`, `every`): jika cukup dengan menggeser satu touchpoint, temuan ini mengusulkan pergeseran terkecil, paling jauh 30 hari ke depan atau ke belakang.',
  'overlap/redundant':
    'Gabungkan kedua touchpoint menjadi satu, atau pertajam purpose, metrik atau segmennya agar masing-masing punya tugas sendiri.',
  'metrics/bad-row':
    'Perbaiki baris pada nomor yang disebut di ekspor (atau di query yang menghasilkannya).',
  'metrics/unknown-column':
    'Ganti nama kolom ke format long (touchpoint_id, metric, value, serta date dan segment bila ada) atau format wide (touchpoint_id ditambah satu kolom per metrik), atau jelaskan kolom vendor dengan entri sources: di konfigurasi.',
  'metrics/ambiguous-date':
    'Sebutkan cara ekspor menulis tanggal: dateOrder: mdy (atau dmy, ymd) di entri sources: untuk file itu, atau locale: en-US (id-ID, nl-NL, …) di konfigurasi.',
  'metrics/ambiguous-number':
    'Sebutkan cara ekspor menulis angka: decimal: "," (atau ".") di entri sources: untuk file itu, atau locale: nl-NL (id-ID, en-US, …) di entri tersebut.',
  'metrics/mixed-date-order':
    'Ekspor kolom itu dalam satu format (ISO YYYY-MM-DD paling aman), atau pisahkan file per sumber dan beri masing-masing dateOrder: di entri sources:.',
  'metrics/future-date':
    'Perbaiki tanggal pada baris yang disebut (dan tanggal lain setelah tanggal audit), atau jalankan audit per tanggal yang lebih akhir dengan --as-of.',
  'metrics/duplicate-source':
    'Persempit glob match salah satu entri agar tiap file hanya cocok sekali per metrik, atau hapus metrik itu dari salah satu entri.',
  'metrics/duplicate-column':
    'Ganti nama atau hapus salah satu kolom di ekspor, atau petakan file dengan `sources:` yang menyebut kolom yang dibaca.',
  'metrics/unused-source':
    'Perbaiki glob match-nya (yang dicocokkan hanya nama file, bukan foldernya), atau hapus entri itu jika ekspornya sudah tidak ada.',
  'metrics/unused-file':
    'Cocokkan baris file dengan entri sources:-nya (nilai filter, kolom value) dan periodenya; atau berhenti memberikan file ini lewat -m.',
  'observed/silence':
    'Periksa akun yang disebut dan cari tahu mengapa sentuhannya berhenti (suppression list, owner yang hilang, filter kampanye); tambahkan sentuhan pengaman untuk segmen itu, atau naikkan `silence.segments.<segment>` jika batasnya keliru.',
  'observed/collision':
    'Buat kedua touchpoint saling memperhitungkan: tahan salah satunya bila yang lain sudah terkirim di dalam rentang bentrok, atau geser salah satunya.',
  'observed/density':
    'Pasang batas frekuensi lintas program untuk segmen itu, atau renggangkan touchpoint yang menumpuk; contoh akunnya menunjukkan minggu padat yang pertama.',
  'observed/not-sent':
    'Pastikan touchpoint itu aktif dan tercatat dengan id inventarisnya (atau petakan id di log dengan `aliases:`); jika memang sengaja dihentikan, hapus dari inventaris.',
  'observed/unplanned':
    'Tambahkan touchpoint itu ke inventaris lengkap dengan owner, purpose dan metrik, atau petakan id di log ke id inventarisnya dengan `aliases:`; masukkan id yang bukan touchpoint pelanggan (kiriman uji) ke `ignore:`.',
  'observed/bad-row': 'Perbaiki baris pada nomor yang disebut, atau ekspor yang menghasilkannya.',
};
