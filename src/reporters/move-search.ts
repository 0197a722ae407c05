import type { MoveSearch, MoveSuggestion, RejectedMove } from '../rules/suggest-moves.js';
import { formatDay, formatDayCount } from '../shared/format.js';
import type { Finding } from '../types.js';

/** The move-search section's own words, in one place for translations. */
const TEXT = {
  heading: 'Move suggestions (how each was searched)',
  moved: (move: MoveSuggestion, tried: number) =>
    `move '${move.touchpoint}' ${signed(move.shift)} from day ${formatDay(move.from)} to day ${formatDay(move.to)} (timing.at: ${formatDay(move.at)}d), ${String(tried)} move${tried === 1 ? '' : 's'} tried`,
  none: (tried: number) =>
    `no move within 30 days clears it (${String(tried)} move${tried === 1 ? '' : 's'} tried)`,
  crowd: 'no single move clears it: more touchpoints than one would have to move',
  fixed: 'none of its touchpoints can be moved (off the timeline, or its recurrence cut short)',
  budget: (count: number) =>
    `${String(count)} more finding${count === 1 ? '' : 's'} got no suggestion: the search budget ran out`,
  more: (count: number) => `… and ${String(count)} more rejected`,
  stays: 'the finding stays',
  off: 'the touch would leave the timeline',
  created: (move: RejectedMove) =>
    `new ${move.rule ?? 'finding'}${move.with && move.with.length > 0 ? ` with ${move.with.map((id) => `'${id}'`).join(', ')}` : ''}${move.segment === undefined ? '' : ` for ${move.segment}`}`,
} as const;

function signed(days: number): string {
  return days < 0 ? `−${formatDayCount(-days)}` : `+${formatDayCount(days)}`;
}

function rejection(move: RejectedMove): string {
  const why =
    move.reason === 'stays' ? TEXT.stays : move.reason === 'off' ? TEXT.off : TEXT.created(move);
  return `'${move.touchpoint}' ${signed(move.shift)} to day ${formatDay(move.to)}: ${why}`;
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
): { heading: string; lines: MoveSearchLine[] } | undefined {
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
    const details = search.rejected.map(rejection);
    if (search.more > 0) details.push(TEXT.more(search.more));
    lines.push({ where: where(finding), outcome, details });
  }
  if (budget > 0) lines.push({ outcome: TEXT.budget(budget), details: [] });
  return lines.length === 0 ? undefined : { heading: TEXT.heading, lines };
}
