import { WordedUsageError } from './worded-usage-error.js';

/** Where the as-of date of a run came from, strongest first. */
export type AsOfSource = '--as-of' | 'config' | 'SOURCE_DATE_EPOCH' | 'today';

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date the run is evaluated at: `--as-of`, then `asOf:` in the config, then
 * `SOURCE_DATE_EPOCH` (seconds since 1970, read as a UTC date, for reproducible builds), then
 * the local calendar date of `now` — the day the person running the tool sees on their clock.
 */
export function resolveAsOf(inputs: {
  flag?: string | undefined;
  config?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  now: Date;
}): { asOf: string; source: AsOfSource } {
  if (inputs.flag !== undefined) return { asOf: inputs.flag, source: '--as-of' };
  if (inputs.config !== undefined) return { asOf: inputs.config, source: 'config' };
  const epoch = inputs.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = /^\d{1,12}$/.test(epoch.trim()) ? Number(epoch.trim()) : NaN;
    if (!Number.isSafeInteger(seconds)) {
      throw new WordedUsageError('cli.epoch', { value: JSON.stringify(epoch) });
    }
    return {
      asOf: new Date(seconds * 1000).toISOString().slice(0, 10),
      source: 'SOURCE_DATE_EPOCH',
    };
  }
  const now = inputs.now;
  return {
    asOf: isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()),
    source: 'today',
  };
}
