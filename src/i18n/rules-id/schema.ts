import type { RuleMessages } from './index.js';

/** The schema family: the YAML parser, the JSON Schema and the inventory's own checks. */
export const SCHEMA_ID: RuleMessages = {
  'schema/syntax': {
    binary: 'file ini berkas biner, bukan teks YAML',
    notUtf8: 'file ini bukan teks UTF-8 yang valid',
    duplicateKey: 'key ganda: satu key hanya boleh muncul sekali dalam satu mapping',
    tabIndent: 'YAML tidak menerima tab sebagai indentasi; gunakan spasi',
    tooDeep: 'YAML ini bersarang lebih dari {{limit}} tingkat',
    syntaxError: 'kesalahan sintaks YAML: {{detail|uncapitalized}}',
    empty: 'file ini kosong: seharusnya berisi mapping YAML',
    aliasBomb:
      'alias memperbesar file ini hingga lebih dari {{limit|number}} node: kemungkinan alias bomb',
    unreadable: 'YAML ini tidak dapat dibaca: {{detail}}',
  },
  'schema/invalid': {
    durationNeedsUnit:
      '{{field}} pada {{entry|subject}} memakai target berupa durasi, jadi perlu unit: seconds, minutes, hours atau days untuk mengonversinya',
    missing: '{{entry|subject}} tidak punya {{property}}',
    missingInField: '{{field}} pada {{entry|subject}} tidak punya {{property}}',
    reactiveTimingKey:
      "'{{key}}' tidak berlaku di timing {{entry|subject}}: timing reaktif hanya menerima trigger dan sla",
    alwaysOnTimingKey:
      "'{{key}}' tidak berlaku di timing {{entry|subject}}: timing yang selalu aktif hanya menerima continuous: true",
    scheduledTimingKey:
      "'{{key}}' tidak berlaku di timing {{entry|subject}}: timing terjadwal hanya menerima anchor, at, every dan until",
    timingKey:
      "'{{key}}' tidak berlaku di timing {{entry|subject}}: key ini tidak diizinkan di sini",
    badDuration:
      '{{field|else:nilai}} pada {{entry|subject}} berisi {{value|written}}, dan itu tidak valid: tulis bilangan bulat dengan unitnya, misalnya 3d, -90d, 2w, 3mo, 1y, 4h, atau P3M',
    badOffset:
      '{{field|else:nilai}} pada {{entry|subject}} berisi {{value|written}}, dan itu tidak valid: tulis bilangan bulat dengan unitnya, misalnya 3d, -90d, 2w, 3mo, 1y, 4h, atau P3M, atau rentang seperti 2d..3d',
    badIdentifier:
      '{{field|else:nilai}} pada {{entry|subject}} berisi {{value|written}}, dan itu tidak valid: gunakan huruf, angka, -, _ dan . (misalnya welcome-email)',
    badPattern:
      '{{field|else:nilai}} pada {{entry|subject}} berisi {{value|written}}, dan itu tidak valid: lihat schema untuk bentuk yang diharapkan',
    badTarget:
      'target metrik pada {{entry|subject}} berisi {{value|written}}: tulis perbandingan dan angka seperti ">= 0.9", "<= 4", "90%" atau "<= 1h", atau mapping segmen ke target seperti itu',
    badSegmentTarget:
      'target {{segment|written}} pada {{entry|subject}} berisi {{value|written}}: tulis perbandingan dan angka seperti ">= 0.9", "<= 4", "90%" atau "<= 1h", atau mapping segmen ke target seperti itu',
    badJourney:
      'journey berisi {{value|written}}: gunakan preset (b2b-saas, b2c) atau daftar id tahap',
    notValid: '{{field}} pada {{entry|subject}} berisi {{value|written}}, dan itu tidak valid',
    unitNotTime:
      '{{field}} pada {{entry|subject}} berisi {{value|written}}, padahal targetnya berupa durasi, yang memerlukan unit: seconds, minutes, hours atau days',
    notAllowed:
      '{{field}} pada {{entry|subject}} berisi {{value|written}}: seharusnya salah satu dari {{allowed|commas}}',
    notAllowedSuggest:
      "{{field}} pada {{entry|subject}} berisi {{value|written}}: seharusnya salah satu dari {{allowed|commas}} — maksud Anda '{{suggestion}}'?",
    notConst:
      '{{field}} pada {{entry|subject}} berisi {{value|written}}: nilainya harus {{allowed|json}}',
    topLevel: 'tingkat teratas {{entry}} harus berupa mapping berisi key (version, touchpoints, …)',
    wrongType: '{{field|else:entry}} pada {{entry|subject}} harus berupa {{expected|jsonType}}',
    wrongTypeEmpty:
      '{{field|else:entry}} pada {{entry|subject}} harus berupa {{expected|jsonType}}, tetapi isinya kosong',
    listedTwice: '{{field}} pada {{entry|subject}} mencantumkan {{item|written}} dua kali',
    other: '{{field|else:nilai}} pada {{entry|subject}}: {{problem}}',
    fileNotMapping:
      'tingkat teratas file inventaris harus berupa mapping berisi key (version, touchpoints, …)',
    conflict: '{{key}} dideklarasikan berbeda di dua file (pertama di {{firstFile}}:{{firstLine}})',
    lifecycleRange:
      "event lifecycle '{{anchor}}' berisi {{value|cell}}: durasi di sini harus {{range|durationRange}}",
    segmentLifecycleRange:
      "event lifecycle '{{anchor}}' pada segmen '{{segment}}' berisi {{value|cell}}: durasi di sini harus {{range|durationRange}}",
    timingRange:
      "{{field}} pada touchpoint '{{touchpoint}}' berisi {{value|cell}}: durasi di sini harus {{range|durationRange}}",
    reversedWindow:
      "{{field}} pada touchpoint '{{touchpoint}}' berisi {{value|json}}: sebuah rentang harus berakhir setelah awalnya (2d..3d)",
    missingSegmentTiming:
      "timing touchpoint '{{touchpoint}}' belum punya timing untuk segmen {{segments|names}}: tambahkan, atau isi default:",
    missingSegmentTimings:
      "timing touchpoint '{{touchpoint}}' belum punya timing untuk segmen {{segments|names}}: tambahkan, atau isi default:",
    configNotMapping: 'konfigurasi harus berupa mapping berisi key',
    configRange: '{{field}} berisi {{value|json}}: durasi di sini harus {{range|durationRange}}',
    emptyGlob: 'glob tidak boleh kosong',
    globTooManyStars:
      "glob yang memakai class, kurung kurawal atau extglob boleh memuat paling banyak {{limit}} '*' (yang ini memuat {{stars}})",
    calendarUnaligned:
      "sentuhan kalender '{{touchpoint}}' ditempatkan mulai hari 0 tanpa penyelarasan terburuknya: pencarian hanya memeriksa paling banyak {{budget|number}} kemunculan timeline dalam satu audit, dan sentuhan kalender sebelumnya sudah menghabiskannya (kurangi sentuhan kalender per segmen, atau persingkat lifecycle, agar pencarian berjalan lagi)",
    truncated:
      "pengulangan touchpoint '{{touchpoint}}' terpotong: timeline menampung paling banyak {{perTouchpoint|number}} kemunculan per touchpoint dan {{total|number}} pengulangan (dihitung per segmen) secara keseluruhan; gunakan every: yang lebih panjang atau until:",
  },
  'schema/unknown-key': {
    inEntry:
      "key '{{key}}' tidak dikenal di {{entry|subject}} (data tambahan diletakkan di bawah meta:)",
    inEntrySuggest:
      "key '{{key}}' tidak dikenal di {{entry|subject}} — maksud Anda '{{suggestion}}'?",
    inField:
      "key '{{key}}' tidak dikenal di {{field}} pada {{entry|subject}} (data tambahan diletakkan di bawah meta:)",
    inFieldSuggest:
      "key '{{key}}' tidak dikenal di {{field}} pada {{entry|subject}} — maksud Anda '{{suggestion}}'?",
  },
  'schema/duplicate-id': {
    touchpoint: "id touchpoint '{{id}}' dipakai dua kali (pertama di {{firstFile}}:{{firstLine}})",
    owner: "id owner '{{id}}' dipakai dua kali (pertama di {{firstFile}}:{{firstLine}})",
  },
  'schema/unknown-reference': {
    stage: "tahap '{{value}}' pada touchpoint '{{touchpoint}}' bukan tahap dari journey ini",
    stageSuggest:
      "tahap '{{value}}' pada touchpoint '{{touchpoint}}' bukan tahap dari journey ini — maksud Anda '{{suggestion}}'?",
    presetStage:
      "tahap '{{value}}' pada touchpoint '{{touchpoint}}' bukan tahap dari journey {{journey}}",
    presetStageSuggest:
      "tahap '{{value}}' pada touchpoint '{{touchpoint}}' bukan tahap dari journey {{journey}} — maksud Anda '{{suggestion}}'?",
    channel:
      "channel '{{value}}' pada touchpoint '{{touchpoint}}' tidak dikenal (tambahkan channel sendiri di bawah channels: pada konfigurasi)",
    channelSuggest:
      "channel '{{value}}' pada touchpoint '{{touchpoint}}' tidak dikenal — maksud Anda '{{suggestion}}'? (tambahkan channel sendiri di bawah channels: pada konfigurasi)",
    segment:
      "segmen '{{value}}' pada touchpoint '{{touchpoint}}' tidak ada di daftar segmen inventaris",
    segmentSuggest:
      "segmen '{{value}}' pada touchpoint '{{touchpoint}}' tidak ada di daftar segmen inventaris — maksud Anda '{{suggestion}}'?",
    targetSegment:
      "segmen target '{{value}}' pada touchpoint '{{touchpoint}}' tidak ada di daftar segmen inventaris (atau default)",
    targetSegmentSuggest:
      "segmen target '{{value}}' pada touchpoint '{{touchpoint}}' tidak ada di daftar segmen inventaris — maksud Anda '{{suggestion}}'?",
    timingSegment:
      "timing touchpoint '{{touchpoint}}' menyebut segmen '{{value}}', yang tidak ada di daftar segmen inventaris (atau default)",
    timingSegmentSuggest:
      "timing touchpoint '{{touchpoint}}' menyebut segmen '{{value}}', yang tidak ada di daftar segmen inventaris — maksud Anda '{{suggestion}}'?",
    anchor: "anchor '{{value}}' pada touchpoint '{{touchpoint}}' bukan event lifecycle",
    anchorSuggest:
      "anchor '{{value}}' pada touchpoint '{{touchpoint}}' bukan event lifecycle — maksud Anda '{{suggestion}}'?",
    until:
      "until '{{value}}' pada touchpoint '{{touchpoint}}' bukan event lifecycle dan bukan pula durasi",
    untilSuggest:
      "until '{{value}}' pada touchpoint '{{touchpoint}}' bukan event lifecycle dan bukan pula durasi — maksud Anda '{{suggestion}}'?",
    excludes:
      "excludes pada touchpoint '{{touchpoint}}' menyebut '{{value}}', yang bukan touchpoint di inventaris",
    excludesSuggest:
      "excludes pada touchpoint '{{touchpoint}}' menyebut '{{value}}', yang bukan touchpoint di inventaris — maksud Anda '{{suggestion}}'?",
    exclusive:
      "grup eksklusif {{group}} menyebut '{{value}}', yang bukan id touchpoint dan bukan label when:",
    exclusiveSuggest:
      "grup eksklusif {{group}} menyebut '{{value}}', yang bukan id touchpoint dan bukan label when: — maksud Anda '{{suggestion}}'?",
    scope: "tahap scope '{{value}}' bukan tahap dari journey ini",
    scopeSuggest:
      "tahap scope '{{value}}' bukan tahap dari journey ini — maksud Anda '{{suggestion}}'?",
    stageSegment:
      "tahap journey '{{stage}}' berlaku untuk segmen '{{value}}', yang tidak ada di daftar segmen inventaris",
    stageSegmentSuggest:
      "tahap journey '{{stage}}' berlaku untuk segmen '{{value}}', yang tidak ada di daftar segmen inventaris — maksud Anda '{{suggestion}}'?",
  },
  'schema/vague-purpose': {
    empty:
      "purpose touchpoint '{{touchpoint}}' kosong: tulis satu kalimat tentang tujuan touchpoint ini",
    placeholder:
      "purpose touchpoint '{{touchpoint}}' masih berupa placeholder ('{{purpose}}'): tulis satu kalimat tentang tujuan touchpoint ini",
    tooShort:
      "purpose touchpoint '{{touchpoint}}' terlalu singkat ('{{purpose}}'): tulis satu kalimat tentang tujuan touchpoint ini",
  },
};
