/**
 * The English UI strings of the human formats, by key. `{{key}}` is filled by the reporter;
 * `{{n|count:finding}}` writes `1 finding`, `3 findings`. Every key has an Indonesian string in
 * ui-id.ts with the same placeholders (test/i18n/catalogues.test.ts checks it).
 */
export const UI_EN = {
  'summary.executive': 'Executive summary',
} as const;

export type UiKey = keyof typeof UI_EN;
