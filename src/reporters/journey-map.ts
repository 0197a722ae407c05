import { NO_CHANNEL, UNOWNED } from '../report.js';
import type { AuditReport, Grade, TouchpointScore } from '../report.js';
import { ALL_SEGMENTS } from '../shared/segments.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';

/** What the journey map's lanes are: one per segment, owner or channel. */
export type LaneKind = 'segment' | 'owner' | 'channel';
export const LANE_KINDS: readonly LaneKind[] = ['segment', 'owner', 'channel'];

/** One touchpoint on the map, as one lane sees it. */
export interface JourneyCard {
  id: string;
  name: string;
  grade: Grade;
  score: number;
  provisional: boolean;
  channel?: string;
  owner?: string;
  /** Its scheduled days in the lane (every segment of it for owner and channel lanes), sorted. */
  days: number[];
}

export interface JourneyLane {
  id: string;
  /** Per stage, in journey order: the lane's cards there, by first day, unscheduled ones last. */
  cells: JourneyCard[][];
}

export interface JourneyStage {
  id: string;
  touchpoints: number;
  /** No touchpoint at all in the stage: the only cells the map marks as missing. */
  gap: boolean;
}

export interface JourneyMap {
  stages: JourneyStage[];
  lanes: Record<LaneKind, JourneyLane[]>;
  /** Touchpoints with no stage, or one the run does not know: on no column. */
  outside: string[];
}

/** Days of each touchpoint per segment, from the report's timeline. */
function scheduledDays(report: AuditReport): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  for (const segment of report.timeline?.segments ?? []) {
    const days = new Map<string, number[]>();
    for (const o of segment.occurrences) {
      const list = days.get(o.touchpoint) ?? [];
      list.push(o.day);
      days.set(o.touchpoint, list);
    }
    out.set(segment.id, days);
  }
  return out;
}

function laneIds(kind: LaneKind, report: AuditReport, touchpoints: TouchpointScore[]): string[] {
  if (kind === 'segment') {
    const segments = report.inventory.segments;
    return segments.length > 0 ? [...segments] : [ALL_SEGMENTS];
  }
  const used = new Set(touchpoints.map((t) => laneOf(kind, t)));
  const known =
    kind === 'owner' ? (report.inventory.owners ?? []).map((o) => o.id) : report.inventory.channels;
  const first = known.filter((id) => used.has(id));
  const rest = [...used].filter((id) => !first.includes(id)).sort();
  return [...first, ...rest];
}

function laneOf(kind: 'owner' | 'channel', t: TouchpointScore): string {
  return kind === 'owner' ? (t.owner ?? UNOWNED) : (t.channel ?? NO_CHANNEL);
}

function inLane(kind: LaneKind, lane: string, t: TouchpointScore): boolean {
  if (kind === 'segment')
    return lane === ALL_SEGMENTS || t.segments.length === 0 || t.segments.includes(lane);
  return laneOf(kind, t) === lane;
}

function byFirstDay(a: JourneyCard, b: JourneyCard): number {
  const x = a.days[0] ?? Infinity;
  const y = b.days[0] ?? Infinity;
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * The journey map of an audit: the journey's stages as columns, in journey order, and lanes of
 * touchpoint cards — per segment (a touchpoint for every segment is in each lane), per owner
 * and per channel. A stage with no touchpoint at all is a gap; an empty cell of a lane is
 * just empty. Cards keep the scorecard order within a cell, sorted by their first scheduled day.
 */
export function journeyMap(report: AuditReport): JourneyMap {
  const touchpoints = report.scores?.touchpoints ?? [];
  const stageIds = report.inventory.stages;
  const placed = touchpoints.filter((t) => t.stage !== undefined && stageIds.includes(t.stage));
  const outside = touchpoints.filter((t) => !placed.includes(t)).map((t) => t.id);
  const days = scheduledDays(report);
  const allDays = (id: string): number[] =>
    [...days.values()].flatMap((d) => d.get(id) ?? []).sort((a, b) => a - b);
  const card = (t: TouchpointScore, scheduled: number[]): JourneyCard => ({
    id: t.id,
    name: t.name,
    grade: t.grade,
    score: t.score,
    provisional: t.provisional,
    ...(t.channel === undefined ? {} : { channel: t.channel }),
    ...(t.owner === undefined ? {} : { owner: t.owner }),
    days: [...new Set(scheduled)],
  });
  const lanes = {} as Record<LaneKind, JourneyLane[]>;
  for (const kind of LANE_KINDS) {
    lanes[kind] = laneIds(kind, report, placed).map((lane) => ({
      id: lane,
      cells: stageIds.map((stage) =>
        placed
          .filter((t) => t.stage === stage && inLane(kind, lane, t))
          .map((t) => {
            const scheduled =
              kind === 'segment' ? (days.get(lane)?.get(t.id) ?? []) : allDays(t.id);
            return card(t, scheduled);
          })
          .sort(byFirstDay),
      ),
    }));
  }
  const stages = stageIds.map((id) => {
    const count = placed.filter((t) => t.stage === id).length;
    return { id, touchpoints: count, gap: count === 0 };
  });
  return { stages, lanes, outside };
}

/** The journey map's own words, in the locale's language. */
export function journeyWords(loc: Locale) {
  const day = (d: number) => loc.numbersIn(signedDay(d));
  return {
    title: loc.text('journey.title'),
    lanes: loc.text('journey.lanes'),
    laneKind: {
      segment: loc.text('journey.bySegment'),
      owner: loc.text('journey.byOwner'),
      channel: loc.text('journey.byChannel'),
    } as Record<LaneKind, string>,
    gap: loc.text('html.gap'),
    gapCell: loc.text('journey.gapCell'),
    outside: loc.text('journey.outside'),
    signedDay: day,
    day: (d: number) => loc.text('journey.day', { day: day(d) }),
    touches: (n: number) => loc.text('journey.touches', { n }),
    collision: loc.text('journey.collision'),
    silence: (days: number) => loc.text('journey.silence', { days }),
    density: (peak: number, window: number, max: number, channel?: string) =>
      loc.text('journey.density', {
        peak,
        channel: channel === undefined ? '' : ` ${loc.channel(channel)}`,
        window,
        max,
      }),
  } as const;
}

/** The English words. */
export const JOURNEY_TEXT = journeyWords(ENGLISH);

/** A lifecycle day to 0.1 with a true minus sign: `−35`, `0`, `90`, `0.3` (a 484-minute delay). */
export function signedDay(day: number): string {
  const rounded = Math.round(day * 10) / 10;
  return rounded < 0 ? `\u2212${-rounded}` : String(rounded === 0 ? 0 : rounded);
}

/** When a card's touchpoint lands: `day −35`, `day 30 · 11 touches`, or nothing unscheduled. */
export function cardDaysText(days: readonly number[], loc: Locale = ENGLISH): string {
  const first = days[0];
  if (first === undefined) return '';
  const words = loc.lang === 'en' ? JOURNEY_TEXT : journeyWords(loc);
  const day = words.day(first);
  return days.length === 1 ? day : `${day} · ${words.touches(days.length)}`;
}
