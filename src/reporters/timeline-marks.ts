import type { AuditReport, TimelineOccurrenceView } from '../report.js';
import type { Finding } from '../types.js';

export interface CollisionMark {
  segment: string;
  day: number;
  touchpoints: string[];
  message: string;
}

export interface SilenceMark {
  segment: string;
  from: number;
  to: number;
  message: string;
}

export interface TimelineMarks {
  collisions: CollisionMark[];
  silences: SilenceMark[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Segments named in a message as whole words (ids may contain `-`), or every segment. */
function segmentsOf(message: string, segments: readonly string[]): string[] {
  const named = segments.filter((s) =>
    new RegExp(`(^|[^\\w-])${escapeRegExp(s)}($|[^\\w-])`).test(message),
  );
  return named.length > 0 ? named : [...segments];
}

/** The numbers written as `day N` in a message, in order. */
function daysOf(message: string): number[] {
  return [...message.matchAll(/\bday (-?\d+(?:\.\d+)?)\b/g)].map((m) => Number(m[1]));
}

function collisionMarks(
  finding: Finding,
  occurrences: Map<string, TimelineOccurrenceView[]>,
): CollisionMark[] {
  const ids = [finding.touchpoint, ...(finding.related ?? [])].filter(
    (id): id is string => id !== undefined,
  );
  const marks: CollisionMark[] = [];
  const days = daysOf(finding.message);
  for (const segment of segmentsOf(finding.message, [...occurrences.keys()])) {
    const involved = (occurrences.get(segment) ?? []).filter((o) => ids.includes(o.touchpoint));
    if (days.length > 0) {
      // The message names the first collision ("on day 360", or "on day 358 and day 360");
      // a recurring pair collides again at the same distance ("and 3 more times").
      const distance = Math.max(...days) - Math.min(...days);
      const seen = new Set<number>();
      for (let i = 0; i < involved.length; i++) {
        const a = involved[i];
        for (let j = i + 1; j < involved.length; j++) {
          const b = involved[j];
          if (a === undefined || b === undefined || b.day - a.day > distance) break;
          if (a.touchpoint === b.touchpoint || seen.has(a.day)) continue;
          seen.add(a.day);
          const here = involved
            .filter((o) => o.day >= a.day && o.day <= b.day)
            .map((o) => o.touchpoint);
          marks.push({
            segment,
            day: a.day,
            touchpoints: [...new Set(here)],
            message: finding.message,
          });
        }
      }
      continue;
    }
    // No day in the message: mark where the involved touchpoints come closest.
    let best = Infinity;
    let pairs: [TimelineOccurrenceView, TimelineOccurrenceView][] = [];
    for (let i = 1; i < involved.length; i++) {
      const a = involved[i - 1];
      const b = involved[i];
      if (a === undefined || b === undefined || a.touchpoint === b.touchpoint) continue;
      const gap = b.day - a.day;
      if (gap < best) [best, pairs] = [gap, [[a, b]]];
      else if (gap === best) pairs.push([a, b]);
    }
    for (const [a, b] of pairs) {
      marks.push({
        segment,
        day: a.day,
        touchpoints: [a.touchpoint, b.touchpoint],
        message: finding.message,
      });
    }
  }
  return marks;
}

function silentStretches(days: readonly number[], horizon: number): [number, number][] {
  const points = [0, ...days, horizon];
  const stretches: [number, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] ?? 0;
    const to = points[i] ?? 0;
    if (to > from) stretches.push([from, to]);
  }
  return stretches.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
}

/**
 * Where to draw collisions and silences on the timeline, derived from the `overlap/collision`
 * and `gap/silence` findings. Findings carry no structured day or segment, so the segment is
 * the one the message names (or every segment) and the days are the `day N` numbers in the
 * message (a collision is drawn wherever its touchpoints meet at most that far apart, so
 * recurring collisions show every time); without them a collision marks where its
 * touchpoints come closest, and the k-th
 * silence of a segment marks its k-th longest silent stretch. Waived findings are not drawn.
 */
export function timelineMarks(report: AuditReport): TimelineMarks {
  const timeline = report.timeline;
  if (timeline === undefined) return { collisions: [], silences: [] };
  const occurrences = new Map(timeline.segments.map((s) => [s.id, s.occurrences]));
  const collisions: CollisionMark[] = [];
  const silences: SilenceMark[] = [];
  const silencesSeen = new Map<string, number>();
  for (const finding of report.findings) {
    if (finding.waived !== undefined) continue;
    if (finding.rule === 'overlap/collision') {
      collisions.push(...collisionMarks(finding, occurrences));
    } else if (finding.rule === 'gap/silence') {
      const days = daysOf(finding.message);
      for (const segment of segmentsOf(finding.message, [...occurrences.keys()])) {
        const [from, to] = days;
        if (from !== undefined && to !== undefined) {
          silences.push({ segment, from, to, message: finding.message });
          continue;
        }
        const k = silencesSeen.get(segment) ?? 0;
        silencesSeen.set(segment, k + 1);
        const dayList = (occurrences.get(segment) ?? []).map((o) => o.day);
        const stretch = silentStretches(dayList, timeline.horizon)[k];
        if (stretch !== undefined) {
          silences.push({ segment, from: stretch[0], to: stretch[1], message: finding.message });
        }
      }
    }
  }
  return { collisions, silences };
}
