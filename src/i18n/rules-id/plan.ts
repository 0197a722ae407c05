import type { RuleMessages } from './index.js';

/** The ownerless, waiver, gap and overlap families: what the inventory and its timeline show. */
export const PLAN_ID: RuleMessages = {
  'ownerless/missing-owner': {
    missing: "'{{touchpoint}}' belum punya owner",
  },
  'ownerless/placeholder-owner': {
    empty: "owner touchpoint '{{touchpoint}}' masih kosong",
    placeholder: "owner touchpoint '{{touchpoint}}' masih berupa placeholder '{{owner}}'",
  },
  'ownerless/unknown-owner': {
    notInRoster: "owner '{{owner}}' pada '{{touchpoint}}' tidak ada di daftar owner",
    notInRosterSuggest:
      "owner '{{owner}}' pada '{{touchpoint}}' tidak ada di daftar owner; maksud Anda '{{suggestion}}'?",
  },
  'ownerless/over-capacity': {
    overCapacity:
      "owner '{{owner}}' memegang {{count|count:touchpoint}}, melebihi kapasitasnya sebanyak {{capacity}}",
  },
  'waiver/expired': {
    expired: 'waiver untuk {{rule}} sudah berakhir pada {{expires|date}} dan tidak berlaku lagi',
    expiredOn:
      "waiver untuk {{rule}} pada '{{touchpoint}}' sudah berakhir pada {{expires|date}} dan tidak berlaku lagi",
  },
  'gap/empty-stage': {
    empty: "tahap '{{stage}}' belum punya touchpoint",
    emptyForSegment: "tahap '{{stage}}' belum punya touchpoint untuk segmen '{{segment}}'",
  },
  'gap/silence': {
    silence:
      '{{segments|segments}} {{segments|verb:tidak menerima}} sentuhan proaktif apa pun selama {{days|days}}, dari hari {{from|day}} sampai hari {{to|day}} (batas {{limit|days}})',
    channelSilence:
      '{{segments|segments}} {{segments|verb:tidak menerima}} sentuhan {{channel}} selama {{days|days}}, dari hari {{from|day}} sampai hari {{to|day}} (batas {{limit|days}} untuk {{channel}})',
  },
  'gap/no-data': {
    noValues:
      '{{touchpoint}} punya baris untuk metrik {{metric}} tetapi tanpa nilai (hanya sel kosong atau N/A, atau baris bertanggal setelah periode audit)',
    allUnused:
      '{{touchpoint}} punya {{rows|count:baris}} untuk metrik {{metric}}, semuanya {{reasons|each}}; yang pertama di baris {{line}} pada {{file}}',
    oneUnused:
      '{{touchpoint}} punya 1 baris untuk metrik {{metric}}, {{reasons|each}}, di baris {{line}} pada {{file}}',
    noneUsable:
      '{{touchpoint}} punya {{rows|count:baris}} untuk metrik {{metric}} dan tidak satu pun bisa dipakai: {{reasons|each:, }}; yang pertama di baris {{line}} pada {{file}}',
    part: '{{rows}} {{reason|each}}',
    unreadableDate: 'dengan tanggal yang tidak terbaca',
    unreadableValue: 'dengan nilai yang tidak terbaca',
    empty: 'kosong atau N/A',
    afterAsOf: 'bertanggal setelah tanggal audit {{asOf|date}}',
    beforePeriod: 'bertanggal sebelum periode',
    noRows:
      '{{touchpoint}} tidak punya baris di ekspor metrik (metrik yang diharapkan: {{metric}})',
    otherMetrics:
      '{{touchpoint}} tidak punya baris untuk metrik {{metric}}; ekspornya hanya memuat {{others|commas}} untuk touchpoint ini',
  },
  'gap/below-target': {
    belowTarget:
      '{{metric}} sebesar {{value|metricValue}}, targetnya {{target|metricTarget}} (pencapaian {{attainment|missedPercent}})',
    belowSegmentTarget:
      '{{metric}} untuk {{segment}} sebesar {{value|metricValue}}, targetnya {{target|metricTarget}} (pencapaian {{attainment|missedPercent}})',
  },
  'gap/stale-data': {
    stale:
      'baris {{metric}} terbaru bertanggal {{latest|date}}, {{age}} hari sebelum {{asOf|date}} (batas kesegaran data {{freshness}} hari)',
  },
  'gap/not-running': {
    pooled:
      '{{metric}} bernilai 0 di setiap baris periode ini ({{rows|count:baris}} dari {{file}}:{{line}}): touchpoint ini direncanakan tetapi tidak mengirim apa pun',
    segments:
      'direncanakan untuk {{planned|list:8}}, tetapi {{metric}} di {{file}} tidak menunjukkan pengiriman ke {{segments|list:8}} selama periode ini',
  },
  'gap/undocumented-touchpoint': {
    undocumented:
      '{{touchpoint}} muncul di ekspor metrik ({{rows|count:baris}}) tetapi tidak ada di inventaris',
    undocumentedSuggest:
      '{{touchpoint}} muncul di ekspor metrik ({{rows|count:baris}}) tetapi tidak ada di inventaris; maksud Anda {{suggestion}}? (petakan dengan aliases:)',
    undocumentedGroup:
      '{{count}} id seperti "{{touchpoint}}" muncul di ekspor metrik ({{rows|count:baris}}) tetapi tidak ada di inventaris; semuanya berpola "{{pattern}}": petakan dengan aliases: {"{{pattern}}": <id inventaris>}',
    untrackedGroup:
      '{{rows|count:baris lagi}} menyebut id seperti {{examples|list}} yang tidak ada di inventaris, berpola "{{pattern}}" (setelah {{limit}} id pertama, id seperti ini hanya dihitung, tidak dicantumkan)',
    untrackedOther:
      '{{rows|count:baris lagi}} menyebut id seperti {{examples|list}} yang tidak ada di inventaris (setelah {{limit}} id pertama, id seperti ini hanya dihitung, tidak dicantumkan)',
  },
  'overlap/collision': {
    calendarNote: '{{calendar|list}}: mengikuti kalender, ditempatkan pada penyelarasan terburuk',
    sameDay:
      "'{{first}}' dan '{{second}}' sama-sama menjangkau {{segments|segments}} pada hari {{day|day}}{{suggestion?|message:move}}",
    sameDayAgain:
      "'{{first}}' dan '{{second}}' sama-sama menjangkau {{segments|segments}} pada hari {{day|day}} (dan {{more|count:kali lagi}}){{suggestion?|message:move}}",
    apart:
      "'{{first}}' dan '{{second}}' sama-sama menjangkau {{segments|segments}} hanya berselang {{apart|days}}, pada hari {{day|day}} dan hari {{otherDay|day}}{{suggestion?|message:move}}",
    window:
      "'{{first}}' dan '{{second}}' bisa bentrok untuk {{segments|segments}} antara hari {{day|day}} dan hari {{until|day}}{{suggestion?|message:move}}",
    windowAgain:
      "'{{first}}' dan '{{second}}' bisa bentrok untuk {{segments|segments}} antara hari {{day|day}} dan hari {{until|day}} (dan {{more|count:kali lagi}}){{suggestion?|message:move}}",
    apartAgain:
      "'{{first}}' dan '{{second}}' sama-sama menjangkau {{segments|segments}} hanya berselang {{apart|days}}, pada hari {{day|day}} dan hari {{otherDay|day}} (dan {{more|count:kali lagi}}){{suggestion?|message:move}}",
    crowd:
      '{{count}} touchpoint sekaligus menjangkau {{segments|segments}} pada hari {{day|day}}: {{members|list:5}}',
    crowdAgain:
      '{{count}} touchpoint sekaligus menjangkau {{segments|segments}} pada hari {{day|day}} (dan {{more|count:kali lagi}}): {{members|list:5}}',
    crowdBetween:
      '{{count}} touchpoint menjangkau {{segments|segments}} beruntun, berselang kurang dari {{window|days}}, antara hari {{day|day}} dan hari {{until|day}}: {{members|list:5}}',
    crowdBetweenAgain:
      '{{count}} touchpoint menjangkau {{segments|segments}} beruntun, berselang kurang dari {{window|days}}, antara hari {{day|day}} dan hari {{until|day}} (dan {{more|count:kali lagi}}): {{members|list:5}}',
    move: "; geser '{{touchpoint}}' dari hari {{from|day}} ke hari {{to|day}}",
  },
  'overlap/density': {
    calendarNote: '{{calendar|list}}: mengikuti kalender, ditempatkan pada penyelarasan terburuk',
    sameDay:
      '{{segments|segments}} {{segments|verb:menerima}} {{peak}} sentuhan proaktif dalam {{window|days}} pada hari {{from|day}} (batas {{max}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
    between:
      '{{segments|segments}} {{segments|verb:menerima}} {{peak}} sentuhan proaktif dalam {{window|days}} antara hari {{from|day}} dan hari {{to|day}} (batas {{max}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
    channelSameDay:
      '{{segments|segments}} {{segments|verb:menerima}} {{peak}} sentuhan {{channel}} dalam {{window|days}} pada hari {{from|day}} (batas {{max}} untuk {{channel}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
    channelBetween:
      '{{segments|segments}} {{segments|verb:menerima}} {{peak}} sentuhan {{channel}} dalam {{window|days}} antara hari {{from|day}} dan hari {{to|day}} (batas {{max}} untuk {{channel}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
    move: "; geser '{{touchpoint}}' dari hari {{from|day}} ke hari {{to|day}}",
  },
  'overlap/redundant': {
    sameJob:
      "'{{first}}' dan '{{second}}' tumpang tindih: tahap ({{stage}}), channel ({{channel}}) dan metrik ({{metric}}) sama untuk {{segments|segments}}",
    similarPurpose:
      "'{{first}}' dan '{{second}}' punya purpose yang nyaris sama ({{similarity|percent}} kata yang sama) untuk {{segments|segments}}",
    sameJobGroup:
      '{{count}} touchpoint tumpang tindih: {{members|list:5}} punya tahap ({{stage}}), channel ({{channel}}) dan metrik ({{metric}}) yang sama untuk {{segments|segments}}',
    similarPurposeGroup:
      '{{count}} touchpoint punya purpose yang nyaris sama ({{similarity|percent}} kata yang sama): {{members|list:5}} untuk {{segments|segments}}',
  },
};
