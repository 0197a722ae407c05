import type { AuditReport, TimelineOccurrenceView } from '../report.js';
import type { CollisionData } from '../rules/overlap/collision.js';
import type { DensityData } from '../rules/overlap/density.js';
import type { SilenceData } from '../rules/gap/silence.js';
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

/** A run of crowded windows: more touches than the density limit allows, first to last touch. */
export interface DensityMark {
  segment: string;
  from: number;
  to: number;
  peak: number;
  max: number;
  window: number;
  /** Set for a per-channel limit. */
  channel?: string;
  message: string;
}

export interface TimelineMarks {
  collisions: CollisionMark[];
  silences: SilenceMark[];
  densities: DensityMark[];
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A collision finding's facts, or undefined when its data is not a collision's. */
function collisionData(finding: Finding): CollisionData | undefined {
  const data = finding.data as Partial<CollisionData>;
  const { first, second, segments, window } = data;
  if (typeof first !== 'string' || typeof second !== 'string') return undefined;
  if (!isTextList(segments) || !isNumber(window)) return undefined;
  return data as CollisionData;
}

function silenceData(finding: Finding): SilenceData | undefined {
  const data = finding.data as Partial<SilenceData>;
  if (!isTextList(data.segments) || !isNumber(data.from) || !isNumber(data.to)) return undefined;
  return data as SilenceData;
}

function densityData(finding: Finding): DensityData | undefined {
  const data = finding.data as Partial<DensityData>;
  const { segments, from, to, peak, max, window } = data;
  if (!isTextList(segments) || ![from, to, peak, max, window].every(isNumber)) return undefined;
  return data as DensityData;
}

/**
 * Every meeting of the pair in one segment closer than the window: each occurrence of one
 * touchpoint with the latest occurrence of the other before it (as the rule sweeps them), so a
 * recurring collision is marked every time it happens.
 */
function collisionMarks(
  data: CollisionData,
  occurrences: readonly TimelineOccurrenceView[],
  segment: string,
  message: string,
): CollisionMark[] {
  const pair = [data.first, data.second];
  const marks: CollisionMark[] = [];
  const latest = new Map<string, TimelineOccurrenceView>();
  const seen = new Set<number>();
  for (const occurrence of occurrences) {
    if (!pair.includes(occurrence.touchpoint)) continue;
    const other = pair.find((id) => id !== occurrence.touchpoint) ?? occurrence.touchpoint;
    const before = latest.get(other);
    latest.set(occurrence.touchpoint, occurrence);
    if (before === undefined || occurrence.day - before.day >= data.window) continue;
    if (seen.has(before.day)) continue;
    seen.add(before.day);
    marks.push({
      segment,
      day: before.day,
      touchpoints: [before.touchpoint, occurrence.touchpoint],
      message,
    });
  }
  return marks;
}

/**
 * Where to draw collisions, density breaches and silences on the timeline, from the `data` of
 * the `overlap/collision`, `overlap/density` and `gap/silence` findings: the segments they
 * name, the exact days of a silence and of a crowded run, and for a collision every place its
 * pair meets closer than the collision window. Waived findings are not drawn.
 */
export function timelineMarks(
  report: AuditReport,
  messageOf: (finding: Finding) => string = (finding) => finding.message,
): TimelineMarks {
  const timeline = report.timeline;
  if (timeline === undefined) return { collisions: [], silences: [], densities: [] };
  const occurrences = new Map(timeline.segments.map((s) => [s.id, s.occurrences]));
  const collisions: CollisionMark[] = [];
  const silences: SilenceMark[] = [];
  const densities: DensityMark[] = [];
  for (const finding of report.findings) {
    if (finding.waived !== undefined) continue;
    if (finding.rule === 'overlap/collision') {
      const data = collisionData(finding);
      for (const segment of data?.segments ?? []) {
        const inSegment = occurrences.get(segment);
        if (data && inSegment)
          collisions.push(...collisionMarks(data, inSegment, segment, messageOf(finding)));
      }
    } else if (finding.rule === 'gap/silence') {
      const data = silenceData(finding);
      for (const segment of data?.segments ?? []) {
        if (!data || !occurrences.has(segment)) continue;
        silences.push({ segment, from: data.from, to: data.to, message: messageOf(finding) });
      }
    } else if (finding.rule === 'overlap/density') {
      const data = densityData(finding);
      for (const segment of data?.segments ?? []) {
        if (!data || !occurrences.has(segment)) continue;
        const { from, to, peak, max, window, channel } = data;
        densities.push({
          segment,
          from,
          to,
          peak,
          max,
          window,
          ...(typeof channel === 'string' ? { channel } : {}),
          message: messageOf(finding),
        });
      }
    }
  }
  return { collisions, silences, densities };
}
