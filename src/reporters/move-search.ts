import type { MoveSearch, MoveSuggestion, RejectedMove } from '../rules/suggest-moves.js';
import { formatDay } from '../shared/format.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { Finding } from '../types.js';

/** The move-search section's words in the locale's language. */
function moveText(loc: Locale) {
  const day = (d: number) => loc.number(formatDay(d));
  const signed = (days: number) =>
    `${days < 0 ? '−' : '+'}${loc.text('move.days', { n: day(Math.abs(days)) })}`;
  return {
    heading: loc.text('move.heading'),
    moved: (move: MoveSuggestion, tried: number) =>
      loc.text('move.moved', {
        touchpoint: move.touchpoint,
        shift: signed(move.shift),
        from: day(move.from),
        to: day(move.to),
        at: day(move.at),
        tried,
      }),
    none: (tried: number) => loc.text('move.none', { tried }),
    crowd: loc.text('move.crowd'),
    fixed: loc.text('move.fixed'),
    budget: (n: number) => loc.text('move.budget', { n }),
    more: (n: number) => loc.text('move.more', { n }),
    rejection: (move: RejectedMove) => {
      const why =
        move.reason === 'stays'
          ? loc.text('move.stays')
          : move.reason === 'off'
            ? loc.text('move.off')
            : loc.text('move.created', {
                rule: move.rule ?? loc.text('move.finding'),
                with:
                  move.with && move.with.length > 0
                    ? loc.text('move.with', { ids: move.with.map((id) => `'${id}'`).join(', ') })
                    : '',
                segment:
                  move.segment === undefined ? '' : loc.text('move.for', { segment: move.segment }),
              });
      return loc.text('move.rejected', {
        touchpoint: move.touchpoint,
        shift: signed(move.shift),
        to: day(move.to),
        why,
      });
    },
  };
}

/** A finding's move search, when the suggestion pass recorded one. */
export function moveSearchOf(finding: Finding): MoveSearch | undefined {
  const search = finding.data.search as Partial<MoveSearch> | undefined;
  if (search === undefined || typeof search.outcome !== 'string') return undefined;
  return search as MoveSearch;
}

/** One finding's search: where the finding is, the outcome, the rejected moves. */
export interface MoveSearchLine {
  /** Absent on the closing line counting the findings the budget left out. */
  where?: string;
  outcome: string;
  details: string[];
}

/**
 * The `--explain` lines of the move searches: per finding searched, the move chosen (or why
 * none) and the candidates rejected on the way; findings the budget left out are one line.
 * `where` names a finding (its rule and position).
 */
export function moveSearchLines(
  findings: readonly Finding[],
  where: (finding: Finding) => string = () => '',
  loc: Locale = ENGLISH,
): { heading: string; lines: MoveSearchLine[] } | undefined {
  const TEXT = moveText(loc);
  const lines: MoveSearchLine[] = [];
  let budget = 0;
  for (const finding of findings) {
    const search = moveSearchOf(finding);
    if (search === undefined) continue;
    if (search.outcome === 'budget') {
      budget++;
      continue;
    }
    const move = finding.data.suggestion as MoveSuggestion | undefined;
    const outcome =
      search.outcome === 'moved' && move !== undefined
        ? TEXT.moved(move, search.tried)
        : search.outcome === 'none'
          ? TEXT.none(search.tried)
          : search.outcome === 'crowd'
            ? TEXT.crowd
            : TEXT.fixed;
    const details = search.rejected.map(TEXT.rejection);
    if (search.more > 0) details.push(TEXT.more(search.more));
    lines.push({ where: where(finding), outcome, details });
  }
  if (budget > 0) lines.push({ outcome: TEXT.budget(budget), details: [] });
  return lines.length === 0 ? undefined : { heading: TEXT.heading, lines };
}
