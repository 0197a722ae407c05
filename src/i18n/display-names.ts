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
