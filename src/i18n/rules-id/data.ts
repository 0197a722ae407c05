import type { RuleMessages } from './index.js';

/** The metrics and observed families: what the metric exports and event logs show. */
export const DATA_ID: RuleMessages = {
  'metrics/bad-row': {
    badCells: '{{cells|each}}',
    notANumber: '{{column}} {{text|cell}} bukan angka',
    notAFiniteNumber: '{{column}} {{text|cell}} bukan angka terhingga',
    notADate: '{{column}} {{text|cell}} bukan tanggal yang valid',
    dateOutOfRange:
      '{{column}} {{text|cell}} bertahun {{year|year}}, di luar rentang {{min}}–{{max}}',
    dateAgainstOrder:
      '{{column}} {{text|cell}} bukan tanggal yang valid menurut urutan kolom ini, {{order|dateOrder}} (lihat metrics/mixed-date-order)',
    emptyDate: '{{column}} kosong',
    durationWithoutUnit:
      '{{column}} {{text|cell}} berupa durasi, tetapi unit metriknya bukan seconds, minutes, hours atau days (isi unit: di inventaris)',
    wrongWidth: 'baris ini punya {{fields|count:kolom}}, header punya {{width}}',
    emptyId: 'id touchpoint kosong',
    emptyMetric: 'nama metrik kosong',
    recordTooLong:
      'baris yang mulai di baris {{line}} lebih panjang dari {{maxChars|mib}} MiB (ada tanda kutip yang tidak ditutup?); sisa file tidak dibaca',
    unclosedQuote:
      'ada field bertanda kutip yang mulai di baris {{line}} atau sesudahnya dan tidak pernah ditutup; sisa file tidak dibaca',
    csvError: '{{reason}}; sisa file tidak dibaca',
    moreBadRows:
      '…dan {{count}} {{count|noun:baris}} bermasalah lagi di file ini (yang pertama di baris {{line}}); perbaiki yang di atas lalu jalankan ulang untuk melihatnya',
  },
  'metrics/unknown-column': {
    emptyFile:
      'file ini kosong: seharusnya ada baris header seperti touchpoint_id,metric,value,date',
    nulBytes: 'file ini bukan teks CSV: isinya data biner (byte NUL)',
    controlCharacters: 'file ini bukan teks CSV: isinya data biner (karakter kontrol)',
    mappingMissingColumns:
      'header tidak memuat {{missing|noun:kolom}} {{missing|quoted:8}} yang disebut entri sources: untuk "{{match}}"',
    mappingLacksTouchpoint:
      'entri sources: untuk "{{match}}" memberi metrik tetapi tanpa touchpoint: sebuah kolom (touchpoint: Campaign) atau id tetap (touchpoint: { id: csat-survey })',
    mappingLacksMetric: 'entri sources: untuk "{{match}}" memerlukan metric atau metricColumn',
    mappingLacksValue:
      'entri sources: untuk "{{match}}" memerlukan value, ratio atau aggregate untuk setiap metrik',
    noMetricColumns:
      'header punya kolom id touchpoint tetapi tanpa kolom metrik: seharusnya "metric" dan "value" (format long) atau satu kolom per metrik (format wide); yang ada {{header|quotedOf:columns}}',
    unknownFormat:
      'format metrik tidak dikenali: seharusnya kolom "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" ditambah satu kolom per metrik (wide), atau entri sources: di konfigurasi yang cocok dengan "{{baseName}}"; yang ada {{header|quotedOf:columns}}',
    vendorExport:
      '"{{baseName}}" adalah {{vendorName}}, dan belum ada entri sources: di konfigurasi yang memetakannya; tambahkan entri ini di bawah sources: - {{yaml}} (touchpoint sources {{baseName}} menampilkan nilai yang diberikannya, --write menambahkannya)',
    sectionNotFound:
      'tidak ada bagian "{{baseName}}" yang berjudul "{{section}}" (section: pada entri sources:); bagian yang ada: {{found|quoted:8}}',
    sectionNotFoundSuggest:
      'tidak ada bagian "{{baseName}}" yang berjudul "{{section}}" (section: pada entri sources:) — maksud Anda "{{suggestion}}"? Bagian yang ada: {{found|quoted:8}}',
    sectionNoTitles:
      'tidak ada bagian "{{baseName}}" yang berjudul "{{section}}" (section: pada entri sources:): file ini tidak punya baris judul (baris yang hanya berisi judul, seperti Attendee Details,)',
    sectionWithoutTable:
      'bagian "{{section}}" tidak punya tabel: judul bagian berikutnya sudah muncul di baris {{next}} sebelum ada header',
    headerMissing:
      'format metrik tidak dikenali: seharusnya kolom "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" ditambah satu kolom per metrik (wide), atau entri sources: di konfigurasi yang cocok dengan "{{baseName}}"; yang ada {{header|quotedOf:columns}} (baris pertama tampak seperti data: apakah baris header-nya hilang?)',
  },
  'metrics/ambiguous-date': {
    ambiguous:
      'tidak ada tanggal di kolom {{column}} yang memastikan urutannya (yang pertama: {{text|json}}, bisa juga dibaca {{others|dateOrders}}); dibaca sebagai {{order|dateOrder}}: isi dateOrder: di entri sources: untuk file ini, atau locale: di konfigurasi',
  },
  'metrics/ambiguous-number': {
    unsettled:
      'tidak ada nilai di kolom {{column}} yang memastikan tanda desimalnya (yang pertama: {{text|json}}); dibaca dengan {{mark|json}} sebagai tanda desimal: isi decimal: atau locale: di entri sources: untuk file ini',
    conflict:
      'kolom {{column}} mencampur tanda desimal: baris {{firstLine}} ({{firstText|json}}) terbaca dengan {{mark|json}} sebagai tanda desimal, baris {{secondLine}} ({{secondText|json}}) hanya dengan tanda yang lain',
  },
  'metrics/mixed-date-order': {
    onlyValid:
      'kolom {{column}} mencampur urutan tanggal: baris {{firstLine}} ({{firstText|json}}) hanya valid sebagai {{order|dateOrder}}, baris {{secondLine}} ({{secondText|json}}) tidak',
    settled:
      'kolom {{column}} mencampur urutan tanggal: baris {{firstLine}} ({{firstText|json}}) dan baris sesudahnya dibaca {{order|dateOrder}}, baris {{secondLine}} ({{secondText|json}}) tidak',
  },
  'metrics/future-date': {
    oneRow:
      '1 baris bertanggal setelah tanggal audit {{asOf|date}} (terbaru {{latest|date}}, yang pertama di baris {{line}}) dan tidak dipakai',
    rows: '{{rows}} baris bertanggal setelah tanggal audit {{asOf|date}} (terbaru {{latest|date}}, yang pertama di baris {{line}}) dan tidak dipakai',
  },
  'metrics/duplicate-source': {
    twice:
      '{{baseName}} cocok dengan entri sources: "{{first}}" dan "{{second}}", yang sama-sama memberi {{metric}}: hanya "{{first}}" yang dibaca untuk metrik ini',
  },
  'metrics/duplicate-column': {
    twice:
      'header menyebut kolom "{{column}}" dua kali (kolom {{first}} dan {{second}}): nilai hanya dibaca dari kolom {{first}}',
  },
  'metrics/unused-source': {
    unmatched:
      'entri sources: "{{match}}" tidak cocok dengan satu pun dari {{files|count:file metrik}} yang diberikan',
  },
  'metrics/unused-file': {
    nothing:
      'file ini tidak menyumbang nilai apa pun untuk audit: {{rows|count:baris data}}, {{skipped}} kosong, N/A atau tersaring, {{bad}} bermasalah, {{afterAsOf}} setelah tanggal audit',
  },
  'observed/silence': {
    silent:
      '{{silent}} dari {{accounts}} {{segment|segmentAccounts}} ({{silent|share:accounts}}) melewati lebih dari {{limit}} hari tanpa sentuhan proaktif; yang terlama: {{examples|each:, }}',
    example: '{{account}} ({{days}} hari, {{from|date}} s.d. {{to|date}})',
  },
  'observed/collision': {
    pair: "{{accounts|count:akun}} ({{accounts|share:total}}) menerima '{{first}}' dan '{{second}}' sekaligus di dalam rentang bentrok, {{occurrences|count:kali}} secara keseluruhan; yang pertama: {{account}} pada {{date|date}}",
    twice:
      "{{accounts|count:akun}} ({{accounts|share:total}}) menerima '{{first}}' dua kali di dalam rentang bentrok, {{occurrences|count:kali}} secara keseluruhan; yang pertama: {{account}} pada {{date|date}}",
  },
  'observed/density': {
    crowded:
      '{{crowded}} dari {{accounts}} {{segment|segmentAccounts}} ({{crowded|share:accounts}}) menerima lebih dari {{max}} sentuhan proaktif dalam {{window}} hari; yang terbanyak: {{examples|each:, }}',
    example: '{{account}} ({{peak}} sentuhan, pertama pada {{first|date}})',
  },
  'observed/not-sent': {
    notSent:
      "tidak ada akun yang menerima '{{touchpoint}}' di event log ({{from|date}} s.d. {{to|date}})",
    notSentSegment:
      "'{{touchpoint}}' direncanakan untuk {{segments|list}}, tetapi tidak ada akun di segmen itu yang menerimanya di event log ({{from|date}} s.d. {{to|date}})",
    notSentSegments:
      "'{{touchpoint}}' direncanakan untuk {{segments|list}}, tetapi tidak ada akun di segmen-segmen itu yang menerimanya di event log ({{from|date}} s.d. {{to|date}})",
  },
  'observed/unplanned': {
    unplanned:
      "'{{touchpoint}}' terkirim {{touches|count:kali}} (pertama pada {{first|date}}) tetapi tidak ada di inventaris",
    unplannedSuggest:
      "'{{touchpoint}}' terkirim {{touches|count:kali}} (pertama pada {{first|date}}) tetapi tidak ada di inventaris (maksud Anda '{{suggestion}}'?)",
  },
  'observed/bad-row': {
    missingValue: 'baris {{line}} tidak punya {{column}}; baris ini dilewati',
    notADate:
      "baris {{line}}: {{column}} '{{text}}' bukan tanggal (seharusnya YYYY-MM-DD, timestamp ISO 8601 atau DD/MM/YYYY); baris ini dilewati",
    notADateLeftOut:
      "baris {{line}}: {{column}} '{{text}}' bukan tanggal (seharusnya YYYY-MM-DD, timestamp ISO 8601 atau DD/MM/YYYY); tanggalnya diabaikan",
    accountAgain:
      'baris {{line}}: akun {{account}} tercantum lagi (pertama di baris {{firstLine}}); segmen terkecil dan tanggal paling awalnya yang dipakai',
    csvError: '{{reason}}; sisa file tidak dibaca',
    moreBadRows: '{{count}} baris lain di {{file}} tidak dapat dipakai dan dilewati',
  },
};
