import type { Until } from '../types.js';
import { parseDuration } from './duration.js';

/**
 * Parses the end of a recurrence: an offset from the touchpoint's own anchor (`180d`), a
 * lifecycle anchor (`renewal`), or an anchor and an offset from it (`go-live+90d`,
 * `renewal-30d`). Anchor ids may hold `-` (`go-live`), so the offset is the shortest signed
 * tail that reads as a duration.
 */
export function parseUntil(text: string): Until {
  const offset = parseDuration(text);
  if (offset !== undefined) return { offset };
  for (let i = text.length - 2; i > 0; i--) {
    const sign = text[i];
    if (sign !== '+' && sign !== '-') continue;
    const tail = parseDuration(text.slice(i));
    if (tail !== undefined) return { anchor: text.slice(0, i).trim(), offset: tail };
  }
  return { anchor: text };
}
