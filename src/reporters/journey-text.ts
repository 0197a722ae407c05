import type { Locale } from '../i18n/locale.js';
import type { AuditReport } from '../report.js';
import { journeyMap, type JourneyCard } from './journey-map.js';
import { markdownCell as cell, markdownTable, markdownText } from './markdown-table.js';
import type { ReportNames } from './names.js';
import { timelineMarks } from './timeline-marks.js';

/** A lifecycle day to 0.1 in the language's marks, with a true minus sign: `−35`, `0,3`. */
function dayText(day: number, loc: Locale): string {
  const rounded = Math.round(day * 10) / 10;
  const digits = loc.number(String(Math.abs(rounded)));
  return rounded < 0 ? `\u2212${digits}` : digits;
}

function cardText(card: JourneyCard, names: ReportNames, loc: Locale): string {
  const first = card.days[0];
  const name = names.touchpoint(card.id).name ?? card.id;
  const day = first === undefined ? '' : loc.text('journey.cardDay', { day: dayText(first, loc) });
  return cell(loc.text('journey.card', { name, grade: card.grade, day }));
}

/**
 * The journey map as Markdown, for reports read as text: a stage × segment table (a gap only
 * where a stage has no touchpoint at all, other empty cells plain) and, per segment, one line
 * with its span of days and every collision, density breach and silence drawn in the HTML map.
 */
export function journeyText(report: AuditReport, names: ReportNames, loc: Locale): string[] {
  if (report.scores === undefined) return [];
  const gap = `**${loc.text('html.gap')}**`;
  const map = journeyMap(report);
  const lanes = map.lanes.segment;
  const rows = map.stages.map((stage, i) => [
    cell(loc.stage(stage.id)),
    ...lanes.map((lane) =>
      stage.gap
        ? gap
        : (lane.cells[i] ?? []).map((card) => cardText(card, names, loc)).join('<br>'),
    ),
  ]);
  const out = [
    `## ${loc.text('journey.title')}`,
    '',
    loc.text('journey.textNote'),
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
          text: loc.text('journey.textDensity', {
            peak: m.peak,
            window: m.window,
            max: m.max,
            from: day(m.from),
            to: day(m.to),
          }),
        })),
      ...marks.collisions
        .filter((m) => m.segment === segment.id)
        .map((m) => ({
          at: m.day,
          text: loc.text('journey.textCollision', {
            day: day(m.day),
            touchpoints: loc.list(m.touchpoints.map((id) => names.touchpoint(id).name ?? id)),
          }),
        })),
      ...marks.silences
        .filter((m) => m.segment === segment.id)
        .map((m) => ({
          at: m.from,
          text: loc.text('journey.textSilence', {
            days: day(m.to - m.from),
            from: day(m.from),
            to: day(m.to),
          }),
        })),
    ].sort((a, b) => a.at - b.at);
    const span =
      days.length === 0
        ? []
        : [
            loc.text('journey.span', {
              n: days.length,
              first: day(Math.min(...days)),
              last: day(Math.max(...days)),
            }),
          ];
    const said = [
      ...span,
      ...(parts.length === 0 ? [loc.text('journey.quiet')] : parts.map((p) => p.text)),
    ];
    return `- ${markdownText(`${segment.id}: ${said.join('; ')}`)}`;
  });
  return [...out, '', loc.text('journey.axis'), '', ...lines];
}
