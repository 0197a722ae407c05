/**
 * What `touchpoint explain` and `touchpoint rules` say about each rule in Indonesian: what it
 * checks, why it matters, and the rest of its fix after the first sentence (`RULE_FIXES_ID`).
 * Keyed by rule id; test/i18n/rule-messages.test.ts fails when a rule lacks one.
 */
export interface RuleDocs {
  description: string;
  rationale: string;
  /** What the fix says after its first sentence, when it says more. */
  fixMore?: string;
}

const EARLIER_FAMILIES: Readonly<Record<string, RuleDocs>> = {
  'schema/syntax': {
    description:
      'File ini bukan YAML yang bisa dibaca: ada kesalahan sintaks, tab dipakai sebagai indentasi, key ganda, file kosong atau biner, atau alias bomb.',
    rationale:
      'Isi file yang gagal di-parse tidak bisa diperiksa sama sekali, sehingga semua aturan lain tidak melihatnya.',
  },
  'schema/invalid': {
    description:
      'Sebuah entri melanggar schema inventaris: field wajib (purpose, timing, channel, metric…) tidak ada, tipe nilainya salah, durasi atau target tidak terbaca, atau timing mencampur bentuk.',
    rationale:
      'Praktik yang baik menuntut setiap touchpoint punya tujuan, timing yang disengaja, channel, owner dan success metric; tanpa itu touchpoint tidak bisa diaudit maupun diperbaiki.',
  },
  'schema/unknown-key': {
    description: 'Key yang tidak dikenal schema, biasanya salah ketik (`ownr:` untuk `owner:`).',
    rationale:
      'Key yang salah eja diam-diam membuang nilai yang mestinya diaturnya, jadi salah ketik tidak boleh lolos.',
  },
  'schema/duplicate-id': {
    description:
      'Dua touchpoint (atau dua owner) memakai id yang sama, di satu file atau di antara file yang digabung.',
    rationale:
      'Id menghubungkan touchpoint dengan ekspor metriknya; id ganda membuat setiap penggabungan data dan skor menjadi rancu.',
  },
  'schema/unknown-reference': {
    description:
      'Tahap, channel, segmen, anchor timing atau excludes sebuah touchpoint menyebut sesuatu yang tidak didefinisikan inventaris: tahap di luar journey, channel yang tidak ada di daftar channel, segmen yang tidak ada di `segments:` (juga sebagai key target metrik per segmen), anchor yang tidak ada di `lifecycle:`, atau id touchpoint yang tidak ada. Begitu pula rujukan milik inventaris sendiri: id dan label when: di grup `exclusive:`, tahap di `scope:`, dan segmen tempat sebuah tahap journey berlaku.',
    rationale:
      'Rujukan yang menggantung membuat touchpoint tidak berada di mana pun: ia hilang dari cakupan tahap, skor channel dan timeline lifecycle tanpa ada yang sadar.',
  },
  'schema/vague-purpose': {
    description:
      'Purpose sebuah touchpoint kosong, masih placeholder (TBD, todo, -) atau kurang dari tiga kata.',
    rationale:
      'Touchpoint tanpa tujuan yang jelas tidak bisa dinilai berguna atau mengganggu; dalam audit, touchpoint seperti inilah yang tidak bisa dipertahankan siapa pun.',
    fixMore:
      'Misalnya: "Menyelaraskan goal dan kriteria sukses pada minggu pertama setelah go-live."',
  },
  'ownerless/missing-owner': {
    description: 'Sebuah touchpoint tidak punya `owner`.',
    rationale:
      'Touchpoint tanpa pemilik adalah touchpoint yang tidak diperbaiki siapa pun: ketika rusak atau berhenti berjalan, tidak ada yang bertanggung jawab untuk menyadarinya.',
  },
  'ownerless/placeholder-owner': {
    description:
      'Owner sebuah touchpoint masih placeholder: kosong, TBD, unknown, n/a, none, `-` atau `?` (tanpa membedakan huruf besar-kecil).',
    rationale:
      'Owner placeholder terlihat terdokumentasi, padahal sama saja dengan tidak ada owner: tidak ada yang bertanggung jawab atas touchpoint itu.',
  },
  'ownerless/unknown-owner': {
    description:
      'Owner sebuah touchpoint tidak ada di daftar `owners:` (hanya diperiksa bila inventaris punya daftar owner).',
    rationale:
      'Owner di luar daftar biasanya salah ketik atau tim yang sudah tidak ada, sehingga touchpoint itu tidak punya owner yang bisa dihubungi.',
  },
  'ownerless/over-capacity': {
    description:
      'Seorang owner di daftar memegang lebih banyak touchpoint daripada `capacity`-nya.',
    rationale:
      'Kepemilikan yang terlalu tersebar hanya kepemilikan di atas kertas: tim yang kewalahan tidak bisa menjaga setiap touchpoint tetap berjalan dan terukur.',
  },
  'waiver/expired': {
    description:
      'Sebuah waiver di konfigurasi sudah melewati tanggal `expires`-nya, sehingga temuan yang dicakupnya dihitung lagi.',
    rationale:
      'Waiver adalah janji untuk memperbaiki sesuatu nanti; waiver yang sudah berakhir harus muncul kembali, bukan menyembunyikan masalah selamanya.',
  },
  'gap/empty-stage': {
    description:
      'Sebuah tahap journey sama sekali tidak punya touchpoint, atau tidak punya untuk salah satu segmen tempat tahap itu berlaku (touchpoint mencakup segmen yang dicantumkannya, atau semua segmen bila tidak mencantumkan satu pun). Tahap di luar `scope:` dan segmen yang tidak berlaku untuk sebuah tahap (`journey: [{ id, segments }]`) tidak pernah dianggap celah.',
    rationale:
      'Tahap yang kosong adalah lubang di customer journey: pelanggan di segmen itu melewatinya tanpa ada yang membimbing.',
  },
  'gap/silence': {
    description:
      'Sebuah segmen melewati jeda yang diizinkan tanpa sentuhan proaktif di timeline lifecycle: dari hari 0 sampai sentuhan pertama, di antara dua sentuhan, atau dari sentuhan terakhir sampai horizon. Dengan `silence.channels`, pemeriksaan yang sama berlaku di antara sentuhan berturut-turut pada channel itu.',
    rationale:
      'Pelanggan yang terlalu lama tidak mendengar kabar apa pun perlahan menjauh; praktik customer success menyentuh akun strategis setiap 2–3 minggu dan akun scale kira-kira sebulan sekali.',
  },
  'gap/no-data': {
    description:
      'Touchpoint terdokumentasi yang metriknya tidak punya baris yang bisa dipakai dalam periode audit di ekspor metrik yang diberikan (hanya diperiksa bila ekspor diberikan dengan -m). Pesannya menjelaskan mengapa baris yang ada tidak dipakai.',
    rationale:
      'Success metric yang tidak pernah diukur hanyalah harapan, bukan metrik: tidak ada yang tahu apakah touchpoint itu berjalan, dan skor bukti (evidence)-nya nol.',
    fixMore:
      'Baris yang disebut pesan adalah baris yang tanggal atau nilainya tidak terbaca, atau berada di luar periode.',
  },
  'gap/below-target': {
    description:
      'Touchpoint yang metriknya, dirata-rata selama periode audit, meleset dari target — per segmen bila targetnya berupa mapping per segmen (`{ enterprise: "<= 1h", default: "<= 48h" }`) dan ekspornya menyebut segmen. Arah target diperhitungkan: target >= dan > menginginkan lebih, <= dan < menginginkan kurang; == menginginkan nilai yang persis. Pencapaian adalah nilai/target untuk >= dan >, target/nilai untuk <= dan <, dan 1 - |nilai - target|/|target| untuk ==, paling tinggi 100%.',
    rationale:
      'Touchpoint yang tidak memenuhi kriteria suksesnya sendiri tidak menjalankan tugasnya: ia menghabiskan tenaga (dan perhatian pelanggan) tanpa hasil yang dirancang untuknya.',
    fixMore:
      'Periodenya adalah period: hari terakhir (default 90) sampai tanggal audit (--as-of, default hari ini), atau dari --since sampai tanggal itu.',
  },
  'gap/stale-data': {
    description:
      'Touchpoint yang baris metrik terbarunya lebih tua dari batas kesegaran data (freshness:, default 30 hari) sebelum tanggal audit (--as-of, default hari ini). Ekspor tanpa tanggal tidak pernah dianggap usang.',
    rationale:
      'Angka lama menggambarkan touchpoint yang mungkin sudah tidak berbentuk seperti itu lagi; keputusan yang diambil berdasarkan angka itu hanyalah tebakan.',
  },
  'gap/not-running': {
    description:
      'Touchpoint yang direncanakan untuk sebuah segmen tetapi jumlah kirimannya di ekspor metrik nol selama periode audit. Jumlah kiriman adalah metrik bernama sent atau delivered (atau berakhiran _sent, _delivered); bila barisnya dipisah per segmen, setiap segmen yang direncanakan dinilai sendiri, dan segmen yang direncanakan tanpa baris sementara segmen lain punya baris dianggap tidak menerima apa pun.',
    rationale:
      'Inventaris mengatakan touchpoint ini menjangkau pelanggan tersebut; log pengiriman mengatakan tidak ada yang terjangkau. Touchpoint yang terdokumentasi tetapi mati (flow yang dijeda, trigger yang rusak, filter segmen yang tidak cocok dengan siapa pun) adalah celah senyap dalam journey.',
    fixMore:
      'Jika touchpoint itu memang sengaja dihentikan, hapus dari inventaris (atau keluarkan segmen itu dari segments:-nya).',
  },
  'gap/undocumented-touchpoint': {
    description:
      'Id touchpoint yang muncul di ekspor metrik tetapi tidak ada di inventaris (setelah aliases:, dan tidak cocok dengan ignore:).',
    rationale:
      'Pelanggan dihubungi oleh sesuatu yang tidak didokumentasikan siapa pun: tanpa tujuan, owner maupun target, dan bisa bentrok dengan touchpoint terdokumentasi tanpa terlihat. Dengan cara inilah CI menangkap touchpoint baru yang melewatkan inventaris.',
  },
};

const LATER_FAMILIES: Readonly<Record<string, RuleDocs>> = {
  'overlap/collision': {
    description:
      'Dua touchpoint proaktif yang berbeda menjangkau segmen yang sama dengan jarak lebih dekat dari rentang bentrok (default 1 hari: hari yang sama). Satu temuan per pasangan dan kumpulan segmen, menyebut hari pertama dan berapa kali lagi bentrok terjadi; sepuluh touchpoint atau lebih yang datang beruntun (setiap jaraknya di bawah rentang) menjadi satu temuan kerumunan yang menyebut semuanya.',
    rationale:
      'Dua pesan yang datang bersamaan berebut perhatian dan terkesan dari organisasi yang tidak saling bicara — undangan QBR di hari yang sama dengan pengingat perpanjangan kontrak.',
    fixMore:
      'Contohnya “geser ‘qbr’ dari hari 275 ke hari 282” (`data.suggestion` di JSON, proses pencariannya dengan `--explain`). Atau gabungkan keduanya, atau persempit `segments`-nya. Atur `collision.window`, `collision.segments` atau `collision.channels` di konfigurasi bila jarak itu memang disengaja.',
  },
  'overlap/density': {
    description:
      'Sentuhan proaktif yang menjangkau sebuah segmen dalam satu rentang bergulir melebihi batas kepadatan (default lebih dari 3 dalam 7 hari). Touchpoint transaksional tidak dihitung. Satu temuan per segmen dan per rangkaian rentang yang padat.',
    rationale:
      'Terlalu banyak pesan dalam waktu singkat terdengar seperti kebisingan: pelanggan berhenti membukanya, berhenti berlangganan, atau menyebutnya spam — “seperlima touchpoint yang mengganggu” dalam kebanyakan audit.',
    fixMore:
      'Pergeseran itu tidak menimbulkan bentrok, kepadatan berlebih atau jeda sepi yang baru (`data.suggestion` di JSON, proses pencariannya dengan `--explain`). Atau gabungkan sebagian, atau persempit `segments`-nya. Tandai yang benar-benar transaksional (kuitansi, reset password) dengan `transactional: true`. Atur `density` di konfigurasi, per segmen atau channel.',
  },
  'overlap/redundant': {
    description:
      'Dua touchpoint untuk segmen yang sama mengerjakan tugas yang sama: tahap, channel dan metrik yang sama, atau purpose yang nyaris sama (sedikitnya 80% kata bermaknanya sama).',
    rationale:
      'Touchpoint yang tumpang tindih memakan biaya dua kali, memecah data yang mengukurnya, dan menyampaikan hal yang sama dua kali kepada pelanggan.',
  },
  'metrics/bad-row': {
    description:
      'Sebuah baris ekspor metrik tidak bisa dipakai: angka yang tidak terbaca atau tak terhingga, tanggal yang tidak valid, id touchpoint atau metrik yang kosong, jumlah field yang salah, atau tanda kutip yang tidak ditutup.',
    rationale:
      'Baris yang rusak tidak pernah menghentikan audit, tetapi nilai yang mestinya disumbangkannya hilang, sehingga touchpoint bisa tampak lebih buruk, lebih baik atau lebih usang daripada kenyataannya.',
    fixMore:
      'Sel kosong dan N/A tidak masalah: dilewati tanpa temuan. Tanggal dibaca dalam semua bentuk yang umum (ISO, 15/01/2025 atau 1/15/2025 per kolom, nama bulan dalam bahasa Inggris dan Indonesia, serial Excel) dengan tahun 1900–2999.',
  },
  'metrics/unknown-column': {
    description:
      'Ekspor metrik yang header-nya tidak cocok dengan format mana pun yang dikenal (long, wide, atau pemetaan sources: di konfigurasi), atau file yang kosong, biner atau bukan teks UTF-8. File itu dilewati. Header yang dikenali sebagai ekspor vendor (Mailchimp, Klaviyo, Zoom, Qualtrics, Google Forms, Microsoft Forms, Typeform, SurveyMonkey, Zendesk, Freshdesk, Google Analytics, lembar broadcast WhatsApp) menyebut vendornya dan entri sources: yang memetakannya.',
    rationale:
      'Tidak ada isi file itu yang bisa dihubungkan ke touchpoint, sehingga setiap touchpoint yang mestinya diukurnya tampil tanpa data.',
  },
  'metrics/ambiguous-date': {
    description:
      'Kolom tanggal ekspor metrik yang tidak satu pun nilainya memastikan urutan hari/bulan (setiap tanggal valid dibaca dua arah, seperti 03/04/2026), dan baik dateOrder: di sumbernya maupun locale: di konfigurasi tidak menyebutkannya. Kolom itu dibaca dengan hari lebih dulu.',
    rationale:
      'Jika terbalik, 03/04/2026 meleset sebulan: audit akan memakai periode yang salah dan menyebut data segar sebagai usang (atau sebaliknya) tanpa peringatan.',
    fixMore: 'Mengekspor tanggal ISO (YYYY-MM-DD) menyelesaikannya untuk seterusnya.',
  },
  'metrics/ambiguous-number': {
    description:
      'Kolom angka ekspor metrik yang tanda desimalnya belum pasti: nilainya bisa dibaca dua cara (2.546 adalah 2,546 dengan titik desimal dan 2546 dengan titik ribuan) dan tidak ada petunjuk di kolom itu, di bagian lain file, di entri sources: atau di delimiternya; atau kolom itu memuat nilai yang hanya valid dengan titik desimal di samping nilai yang hanya valid dengan koma desimal.',
    rationale:
      'Dibaca dengan tanda yang salah, 2.546 sesi menjadi seribu kali terlalu kecil: audit akan menilai angka yang meleset 1.000 kali lipat tanpa peringatan.',
    fixMore:
      'Kolom yang mencampur tanda desimal dirakit dari sumber yang berbeda: ekspor ulang dalam satu locale.',
  },
  'metrics/mixed-date-order': {
    description:
      'Kolom tanggal ekspor metrik yang memuat tanggal dalam dua urutan: satu nilai hanya valid dengan hari lebih dulu (15/01/2025) dan nilai lain hanya dengan bulan lebih dulu (1/15/2025). Baris yang tidak sesuai urutan pertama kolom itu menjadi baris bermasalah.',
    rationale:
      'Kolom yang ditulis dua cara dirakit dari sumber atau pengaturan yang berbeda; nilai apa pun yang bisa dibaca dua arah (03/04/2026) mungkin meleset sebulan, jadi tidak ada tanggal di dalamnya yang bisa dipercaya.',
  },
  'metrics/future-date': {
    description:
      'Baris ekspor metrik yang bertanggal setelah tanggal audit (--as-of, asOf: di konfigurasi, SOURCE_DATE_EPOCH, default hari ini). Baris ini dihitung tetapi tidak pernah dipakai; dilaporkan sekali per file dengan jumlahnya dan baris pertamanya.',
    rationale:
      'Tanggal di masa depan adalah salah ketik (2062 untuk 2026, 2027 di ekspor bulan Desember) atau ekspor yang dijalankan dengan jam yang salah. Jika dipakai, periode bergeser menjauhi baris yang sebenarnya; jika diabaikan diam-diam, data tampak lebih tipis dari kenyataannya.',
  },
  'metrics/duplicate-source': {
    description:
      'Dua entri sources: di konfigurasi sama-sama cocok dengan satu file metrik dan memberi metrik yang sama. Setiap entri yang cocok berlaku, sehingga metrik itu akan terhitung dua kali; untuk metrik itu, entri pertama yang dibaca dan entri kedua tidak.',
    rationale:
      'Membiarkan entri pertama menang (atau menjumlahkan keduanya) diam-diam menghasilkan angka yang tidak diminta siapa pun; tumpang tindih ini hampir selalu karena glob match yang lebih luas dari maksudnya.',
  },
  'metrics/duplicate-column': {
    description:
      'Ekspor metrik yang header-nya menyebut satu kolom dua kali (dibandingkan seperti pembaca membandingkan nama: dipangkas, tanpa membedakan huruf besar-kecil, spasi dan tanda hubung sebagai `_`). Nilai hanya dibaca dari kolom pertama dengan nama itu; kolom berikutnya diabaikan.',
    rationale:
      'Dua kolom `Date` atau dua kolom `open_rate` biasanya berarti join yang salah atau blok yang ditempel: membaca salah satunya diam-diam bisa memberi tanggal yang salah atau menghitung metrik dua kali.',
  },
  'metrics/unused-source': {
    description:
      'Entri sources: di konfigurasi yang glob match-nya tidak cocok dengan satu pun file metrik yang diberikan ke audit (-m). Dilaporkan pada entri itu di konfigurasi.',
    rationale:
      'Entri yang tidak cocok dengan apa pun adalah salah ketik di glob-nya atau ekspor vendor yang berganti nama: file yang dimaksud lalu dibaca sebagai sesuatu yang lain, atau tidak dibaca sama sekali.',
  },
  'metrics/unused-file': {
    description:
      'Ekspor metrik yang header-nya dipahami tetapi tidak memberi nilai ke touchpoint mana pun: tanpa baris, atau setiap barisnya kosong, N/A, tersaring oleh filter:, bermasalah, atau bertanggal setelah tanggal audit.',
    rationale:
      'File yang diberikan ke audit tetapi tidak menyumbang apa pun biasanya berarti filter: yang salah, kolom yang salah atau ekspor periode yang salah; jika dibiarkan lolos, CI akan mengira file itu sudah terukur.',
  },
  'observed/silence': {
    description:
      'Di event log (`--events`), akun-akun sebuah segmen melewati jeda yang diizinkan (`silence:`, per segmen) tanpa sentuhan proaktif: dari awal rentang sampai sentuhan pertamanya, di antara dua sentuhan, atau dari sentuhan terakhir sampai akhir. Satu temuan per segmen, dengan porsi akun dan jeda terpanjang.',
    rationale:
      'Rencananya bisa tampak tertata rapi sementara akun nyata terlewat: call yang batal, email yang tertahan, owner yang sedang cuti. Hanya log yang menunjukkan apa yang benar-benar diterima setiap pelanggan.',
  },
  'observed/collision': {
    description:
      'Di event log (`--events`), akun menerima dua sentuhan proaktif di dalam rentang bentrok (`collision.window`, per segmen; default hari yang sama). Satu temuan per pasangan touchpoint, dengan jumlah akun dan seberapa sering, serta akun pertama yang mengalaminya.',
    rationale:
      'Dua pesan di hari yang sama berebut perhatian dan terkesan dari perusahaan yang tidak saling bicara; rencana tanpa bentrok tetap bisa bentrok ketika kampanye bergeser atau trigger berjalan bersamaan.',
    fixMore: 'Periksa contoh akunnya untuk melihat kedua kiriman berdampingan.',
  },
  'observed/density': {
    description:
      'Di event log (`--events`), akun-akun sebuah segmen menerima sentuhan proaktif dalam satu rentang bergulir melebihi batas kepadatan (`density:`, per segmen; default lebih dari 3 dalam 7 hari). Touchpoint transaksional tidak dihitung. Satu temuan per segmen, dengan akun yang paling terdampak.',
    rationale:
      'Pelanggan yang terlalu sering dihubungi berhenti berlangganan, mengabaikan atau mengeluh; rencananya mungkin mematuhi batas, sementara log menunjukkan lonjakan ketika beberapa program berjalan bersamaan.',
  },
  'observed/not-sent': {
    description:
      'Touchpoint proaktif terjadwal yang tidak diterima satu akun pun dari segmen yang direncanakan di event log (`--events`), padahal log memuat akun dari segmen itu. Bila log tidak punya segmen, touchpoint yang sama sekali tidak diterima akun mana pun.',
    rationale:
      'Touchpoint yang terdokumentasi tetapi tidak pernah terkirim lebih buruk dari celah: semua orang mengira touchpoint itu berjalan. Survei, QBR dan touchpoint perpanjangan kontrak yang paling sering jadi korban.',
  },
  'observed/unplanned': {
    description:
      'Id touchpoint yang diterima akun di event log (`--events`) tetapi tidak ada di inventaris (setelah `aliases:`; id yang cocok dengan `ignore:` dikeluarkan). Satu temuan per id, dengan seberapa sering terkirim dan id inventaris yang mirip bila ada.',
    rationale:
      'Pelanggan mengalami setiap pesan, terdokumentasi atau tidak; audit biasanya menemukan puluhan touchpoint yang tidak pernah dicatat, dan justru itulah yang tidak punya owner maupun tujuan.',
  },
  'observed/bad-row': {
    description:
      'Sebuah baris event log (`--events`) tidak bisa dipakai: tanpa id akun, tanpa id touchpoint, atau timestamp yang bukan tanggal.',
    rationale:
      'Baris yang dilewati adalah sentuhan yang tidak terlihat oleh audit, sehingga sebuah akun bisa tampak lebih sepi dari kenyataannya.',
    fixMore:
      'Timestamp berupa YYYY-MM-DD, timestamp ISO 8601 (yang dipakai tanggal sebagaimana tertulis) atau DD/MM/YYYY dengan hari lebih dulu.',
  },
};

export const RULE_DOCS_ID: Readonly<Record<string, RuleDocs>> = {
  ...EARLIER_FAMILIES,
  ...LATER_FAMILIES,
};
