import type { Lang } from '../i18n/lang.js';
import type { Locale } from '../i18n/locale.js';
import type { AuditReport } from '../report.js';
import { journeyMap, type JourneyCard } from './journey-map.js';
import { markdownCell as cell, markdownTable, markdownText } from './markdown-table.js';
import type { ReportNames } from './names.js';
import { timelineMarks } from './timeline-marks.js';

interface JourneyWords {
  title: string;
  note: string;
  gap: string;
  card: (name: string, grade: string, day: string | undefined) => string;
  axis: string;
  touches: (n: number, first: string, last: string) => string;
  density: (peak: number, window: number, max: number, from: string, to: string) => string;
  collision: (day: string, touchpoints: string) => string;
  silence: (days: string, from: string, to: string) => string;
  quiet: string;
}

/** The text journey map's words per language (its own: the map is this file's alone). */
export const JOURNEY_WORDS: Readonly<Record<Lang, JourneyWords>> = {
  en: {
    title: 'Journey map',
    note: 'Stages in journey order, one column per segment: each touchpoint with its grade and first scheduled day (day 0 is contract start; negative days are before it). Only a stage with no touchpoint at all is marked as a gap.',
    gap: '**gap**',
    card: (name, grade, day) => `${name} (${grade}${day === undefined ? '' : `, day ${day}`})`,
    axis: 'Day axis per segment:',
    touches: (n, first, last) =>
      `${n} ${n === 1 ? 'touch' : 'touches'} from day ${first} to day ${last}`,
    density: (peak, window, max, from, to) =>
      `density ${peak} in ${window} d (max ${max}), day ${from}–${to}`,
    collision: (day, touchpoints) => `collision on day ${day}: ${touchpoints}`,
    silence: (days, from, to) => `silent ${days} d, day ${from}–${to}`,
    quiet: 'no collision, density breach or silence',
  },
  id: {
    title: 'Journey map',
    note: 'Tahap-tahap sesuai urutan journey, satu kolom per segmen: setiap touchpoint dengan grade-nya dan hari terjadwal pertamanya (hari 0 adalah awal kontrak; hari negatif berarti sebelum kontrak dimulai). Hanya tahap yang sama sekali belum punya touchpoint yang ditandai sebagai celah.',
    gap: '**celah**',
    card: (name, grade, day) => `${name} (${grade}${day === undefined ? '' : `, hari ${day}`})`,
    axis: 'Sumbu hari per segmen:',
    touches: (n, first, last) => `${n} sentuhan dari hari ${first} sampai hari ${last}`,
    density: (peak, window, max, from, to) =>
      `kepadatan ${peak} dalam ${window} hari (batas ${max}), hari ${from}–${to}`,
    collision: (day, touchpoints) => `bentrok pada hari ${day}: ${touchpoints}`,
    silence: (days, from, to) => `sepi ${days} hari, hari ${from}–${to}`,
    quiet: 'tanpa bentrok, kepadatan berlebih, atau masa sepi',
  },
};

/** A lifecycle day to 0.1 in the language's marks, with a true minus sign: `−35`, `0,3`. */
function dayText(day: number, loc: Locale): string {
  const rounded = Math.round(day * 10) / 10;
  const digits = loc.number(String(Math.abs(rounded)));
  return rounded < 0 ? `\u2212${digits}` : digits;
}

function cardText(card: JourneyCard, names: ReportNames, loc: Locale): string {
  const words = JOURNEY_WORDS[loc.lang];
  const first = card.days[0];
  const name = names.touchpoint(card.id).name ?? card.id;
  return cell(words.card(name, card.grade, first === undefined ? undefined : dayText(first, loc)));
}

/**
 * The journey map as Markdown, for reports read as text: a stage × segment table (a gap only
 * where a stage has no touchpoint at all, other empty cells plain) and, per segment, one line
 * with its span of days and every collision, density breach and silence drawn in the HTML map.
 */
export function journeyText(report: AuditReport, names: ReportNames, loc: Locale): string[] {
  if (report.scores === undefined) return [];
  const words = JOURNEY_WORDS[loc.lang];
  const map = journeyMap(report);
  const lanes = map.lanes.segment;
  const rows = map.stages.map((stage, i) => [
    cell(loc.stage(stage.id)),
    ...lanes.map((lane) =>
      stage.gap
        ? words.gap
        : (lane.cells[i] ?? []).map((card) => cardText(card, names, loc)).join('<br>'),
    ),
  ]);
  const out = [
    `## ${words.title}`,
    '',
    words.note,
    '',
    markdownTable([loc.text('scores.stage'), ...lanes.map((lane) => cell(lane.id))], rows),
  ];
  const timeline = report.timeline;
  if (timeline === undefined || timeline.segments.length === 0) return out;
  const marks = timelineMarks(report);
  const day = (d: number): string => dayText(d, loc);
  const lines = timeline.segments.map((segment) => {
    const days = segment.occurrences.map((o) => o.day);
    const parts: { at: number; text: string }[] = [
      ...marks.densities
        .filter((m) => m.segment === segment.id)
        .map((m) => ({
          at: m.from,
          text: words.density(m.peak, m.window, m.max, day(m.from), day(m.to)),
        })),
      ...marks.collisions
        .filter((m) => m.segment === segment.id)
        .map((m) => ({
          at: m.day,
          text: words.collision(
            day(m.day),
            loc.list(m.touchpoints.map((id) => names.touchpoint(id).name ?? id)),
          ),
        })),
      ...marks.silences
        .filter((m) => m.segment === segment.id)
        .map((m) => ({
          at: m.from,
          text: words.silence(day(m.to - m.from), day(m.from), day(m.to)),
        })),
    ].sort((a, b) => a.at - b.at);
    const span =
      days.length === 0
        ? []
        : [words.touches(days.length, day(Math.min(...days)), day(Math.max(...days)))];
    const said = [...span, ...(parts.length === 0 ? [words.quiet] : parts.map((p) => p.text))];
    return `- ${markdownText(`${segment.id}: ${said.join('; ')}`)}`;
  });
  return [...out, '', words.axis, '', ...lines];
}
