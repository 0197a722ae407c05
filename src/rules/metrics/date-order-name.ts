import type { DateOrder } from '../../metrics/parse-date.js';

const NAMES: Readonly<Record<DateOrder, string>> = {
  dmy: 'day-first (dmy)',
  mdy: 'month-first (mdy)',
  ymd: 'year-first (ymd)',
};

/** `dmy` → `day-first (dmy)`, for messages. */
export function dateOrderName(order: DateOrder): string {
  return NAMES[order];
}
