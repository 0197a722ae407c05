import type { Lang } from './lang.js';

/**
 * Indonesian display names of the preset journeys' stages. The ids stay what they are in the
 * inventory and in every machine format; an id without a name here is shown as it is.
 */
export const STAGE_NAMES_ID: Readonly<Record<string, string>> = {
  awareness: 'Kesadaran',
  consideration: 'Pertimbangan',
  purchase: 'Pembelian',
  'post-purchase': 'Pasca-pembelian',
  loyalty: 'Loyalitas',
  onboarding: 'Onboarding',
  adoption: 'Adopsi',
  retention: 'Retensi',
  expansion: 'Ekspansi',
  renewal: 'Perpanjangan kontrak',
  advocacy: 'Advokasi',
  support: 'Dukungan',
};

/** Indonesian display names of the built-in channels (`BUILTIN_CHANNELS`). */
export const CHANNEL_NAMES_ID: Readonly<Record<string, string>> = {
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  chat: 'Live chat',
  chatbot: 'Chatbot',
  phone: 'Telepon',
  'video-call': 'Panggilan video',
  'in-person': 'Tatap muka',
  'in-app': 'In-app',
  website: 'Situs web',
  social: 'Media sosial',
  ads: 'Iklan',
  webinar: 'Webinar',
  community: 'Komunitas',
  'knowledge-base': 'Basis pengetahuan',
  'support-ticket': 'Tiket support',
  survey: 'Survei',
  mail: 'Surat pos',
  store: 'Toko',
};

/**
 * Indonesian names of the vendor profiles (`VENDOR_PROFILES` in src/metrics/vendors/), by
 * profile id; the English name is the profile's own.
 */
export const VENDOR_NAMES_ID: Readonly<Record<string, string>> = {
  'mailchimp-campaigns': 'laporan kampanye Mailchimp',
  'klaviyo-campaigns': 'ekspor kampanye Klaviyo',
  'klaviyo-flows': 'ekspor flow Klaviyo',
  'zoom-webinar-attendees': 'laporan peserta webinar Zoom',
  qualtrics: 'ekspor survei Qualtrics',
  'qualtrics-legacy': 'ekspor survei Qualtrics (format lama)',
  'google-forms': 'ekspor jawaban Google Forms',
  'microsoft-forms': 'ekspor jawaban Microsoft Forms',
  typeform: 'ekspor jawaban Typeform',
  surveymonkey: 'ekspor jawaban SurveyMonkey',
  'zendesk-tickets': 'ekspor tiket Zendesk',
  'freshdesk-tickets': 'ekspor tiket Freshdesk',
  'google-analytics': 'laporan Google Analytics (Universal)',
  'google-analytics-nl': 'laporan Google Analytics (Universal) berbahasa Belanda',
  'google-analytics-4': 'laporan Google Analytics 4',
  'whatsapp-broadcast-id': 'sheet broadcast WhatsApp (berbahasa Indonesia)',
  'whatsapp-broadcast-en': 'sheet broadcast WhatsApp',
};

function displayName(names: Readonly<Record<string, string>>, lang: Lang, id: string): string {
  return lang === 'en' || !Object.hasOwn(names, id) ? id : (names[id] ?? id);
}

/** A stage as people read it: the id in English, its Indonesian name in Indonesian. */
export function stageName(lang: Lang, id: string): string {
  return displayName(STAGE_NAMES_ID, lang, id);
}

/** A channel as people read it: the id in English, its Indonesian name in Indonesian. */
export function channelName(lang: Lang, id: string): string {
  return displayName(CHANNEL_NAMES_ID, lang, id);
}

/** A vendor profile's name in a language: `english` (the profile's own) unless translated. */
export function vendorName(lang: Lang, id: string, english: string): string {
  return lang === 'en' || !Object.hasOwn(VENDOR_NAMES_ID, id)
    ? english
    : (VENDOR_NAMES_ID[id] ?? english);
}
