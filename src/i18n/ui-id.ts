import type { UiKey } from './ui-en.js';

/** The Indonesian UI strings, key for key with ui-en.ts. */
export const UI_ID: Readonly<Record<UiKey, string>> = {
  'summary.executive': 'Ringkasan eksekutif',
};
