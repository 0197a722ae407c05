import type { AuditReport, TimelineOccurrenceView } from '../report.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { formatScore } from './finding-facts.js';
import { escapeHtml as esc } from './html-escape.js';
import { htmlLabel } from './html-summary.js';
import { dayScale, dayTicks, type DayScale, type ScalePiece } from './journey-scale.js';
import {
  cardDaysText,
  journeyWords,
  journeyMap,
  LANE_KINDS,
  type JourneyCard,
  type JourneyMap,
  type LaneKind,
} from './journey-map.js';
import type { ReportNames } from './names.js';
import { timelineMarks, type TimelineMarks } from './timeline-marks.js';

/** The journey map's styles (static text, no user data). */
export const JOURNEY_STYLE = `
.journey { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 0; font-size: 0.9rem; }
.journey > input { margin: 0 4px 0 14px; }
.journey > .lane-title { color: var(--muted); }
.journey-grid { flex: 1 1 100%; margin-top: 8px; display: none; grid-template-columns: minmax(5em, 0.7fr) repeat(var(--stages), minmax(0, 1fr)); gap: 4px; font-size: 0.74rem; margin-bottom: 14px; }
#lanes-segment:checked ~ .journey-grid[data-lanes="segment"],
#lanes-owner:checked ~ .journey-grid[data-lanes="owner"],
#lanes-channel:checked ~ .journey-grid[data-lanes="channel"] { display: grid; }
.jm-stage { font-weight: 600; background: var(--wash); border-radius: 6px; padding: 4px 6px; overflow-wrap: anywhere; }
.jm-stage .jm-gap { display: block; color: var(--error); font-weight: 400; }
.jm-lane { font-weight: 600; padding: 4px 2px; overflow-wrap: anywhere; border-top: 1px solid var(--line); }
.jm-cell { border-top: 1px solid var(--line); padding: 4px 0; display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.jm-cell.gap { background: repeating-linear-gradient(45deg, #fbeceb, #fbeceb 6px, #f6dcda 6px, #f6dcda 12px); border-radius: 4px; }
.jm-cell-stage { display: none; }
.jm-card { border-left: 5px solid var(--muted); background: var(--wash); border-radius: 6px; padding: 3px 5px; overflow-wrap: break-word; min-width: 0; line-height: 1.3; }
.jm-card > span { display: block; }
.jm-card .jm-name { font-weight: 600; }
.jm-card .id { font-size: 0.82em; }
.jm-card .jm-meta, .jm-card .jm-foot { color: var(--muted); font-size: 0.92em; }
.jm-card .jm-grade { color: var(--ink); }
.jm-A { border-color: #067647; background: #e3f3e9; } .jm-B { border-color: #4f8a10; background: #edf5df; }
.jm-C { border-color: #b58105; background: #fbf2d9; } .jm-D { border-color: #c4510f; background: #fce8da; }
.jm-F { border-color: #b42318; background: #fae1df; }
figure.day-strip { margin: 0 0 14px; }
figure.day-strip figcaption { font-weight: 600; margin-bottom: 2px; }
svg.timeline { width: 100%; height: auto; display: block; }
svg.timeline.narrow { display: none; }
svg.timeline .axis { stroke: var(--muted); stroke-width: 1; }
svg.timeline .tick { stroke: var(--line); stroke-width: 1; }
svg.timeline text { fill: var(--muted); }
svg.timeline text.piece { fill: var(--ink); }
svg.timeline .before-start { fill: rgba(62, 76, 207, 0.07); }
svg.timeline .occurrence { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
svg.timeline .collision { fill: none; stroke: var(--error); stroke-width: 2.5; }
svg.timeline .density { fill: rgba(180, 35, 24, 0.12); stroke: var(--error); stroke-width: 1; }
svg.timeline .silence { fill: rgba(181, 71, 8, 0.13); stroke: var(--warning); stroke-dasharray: 4 3; }
svg.timeline text.label-collision, svg.timeline text.label-density { fill: var(--error); }
svg.timeline text.label-silence { fill: var(--warning); }
ol.marks { margin: 4px 0 0; padding-left: 1.4em; font-size: 0.82rem; }
ol.marks li { margin: 2px 0; overflow-wrap: anywhere; }
.legend { display: flex; gap: 18px; flex-wrap: wrap; font-size: 0.8rem; color: var(--muted); }
.legend span::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -2px; border-radius: 50%; }
.legend .l-occurrence::before { background: var(--accent); }
.legend .l-collision::before { border: 2.5px solid var(--error); }
.legend .l-density::before { border-radius: 2px; background: rgba(180, 35, 24, 0.12); border: 1px solid var(--error); }
.legend .l-silence::before { border-radius: 2px; background: rgba(181, 71, 8, 0.13); border: 1px dashed var(--warning); }
.legend .l-before::before { border-radius: 2px; background: rgba(62, 76, 207, 0.14); }
@media (max-width: 760px) {
  #lanes-segment:checked ~ .journey-grid[data-lanes="segment"],
  #lanes-owner:checked ~ .journey-grid[data-lanes="owner"],
  #lanes-channel:checked ~ .journey-grid[data-lanes="channel"] { display: block; }
  .jm-corner, .jm-stage { display: none; }
  .jm-lane { font-size: 0.9rem; padding-top: 8px; }
  .jm-cell { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); border-top: none; padding: 2px 0; }
  .jm-cell-stage { display: block; grid-column: 1 / -1; font-weight: 600; margin-top: 4px; overflow-wrap: anywhere; }
  .jm-cell.empty { display: none; }
  .jm-cell.gap { display: grid; }
}
@media (max-width: 640px) {
  svg.timeline.wide { display: none; }
  svg.timeline.narrow { display: block; }
}
`;

interface StripLayout {
  kind: 'wide' | 'narrow';
  width: number;
  pad: number;
  font: number;
  /** Vertical distance between stacked touches, and their radius. */
  step: number;
  r: number;
  /** Least distance between two ticks. */
  spacing: number;
}

const WIDE: StripLayout = {
  kind: 'wide',
  width: 1000,
  pad: 26,
  font: 13,
  step: 13,
  r: 5.5,
  spacing: 42,
};
const NARROW: StripLayout = {
  kind: 'narrow',
  width: 440,
  pad: 16,
  font: 15,
  step: 14,
  r: 6,
  spacing: 48,
};

const round = (n: number): number => Math.round(n * 10) / 10;

interface Label {
  x: number;
  text: string;
  cls: string;
}

/**
 * Puts each label on the first row where it overlaps no other (widths estimated from the
 * character count), so labels stay readable text rather than hover titles. Returns rows.
 */
function placeLabels(labels: readonly Label[], layout: StripLayout): (Label & { row: number })[] {
  const ends: number[] = [];
  const placed: (Label & { row: number })[] = [];
  const sorted = [...labels].sort((a, b) => a.x - b.x);
  for (const label of sorted) {
    const width = label.text.length * layout.font * 0.56 + 4;
    const x = Math.min(Math.max(label.x, layout.pad), layout.width - layout.pad - width);
    let row = ends.findIndex((end) => end <= x);
    if (row === -1) row = ends.length;
    ends[row] = x + width + 6;
    placed.push({ ...label, x: round(x), row });
  }
  return placed;
}

function pieceLabel(piece: ScalePiece, loc: Locale): string {
  const zoom = piece.zoom === 1 ? '' : `, \u00d7${loc.numbersIn(String(piece.zoom))}`;
  if (piece.kind === 'before-start') return loc.text('journey.beforeStart', { zoom });
  if (piece.kind === 'onboarding') return loc.text('journey.onboarding', { zoom });
  const T = journeyWords(loc);
  return loc.text('journey.days', {
    from: T.signedDay(piece.from),
    to: T.signedDay(piece.to),
    zoom,
  });
}

function daySvg(
  segment: string,
  occurrences: readonly TimelineOccurrenceView[],
  scale: DayScale,
  marks: TimelineMarks,
  layout: StripLayout,
  loc: Locale,
): string {
  const T = journeyWords(loc);
  const { width, pad, font, step, r } = layout;
  const inner = width - 2 * pad;
  const x = (day: number): number => round(pad + scale.at(day) * inner);
  const line = font + 3;
  const collisions = marks.collisions.filter((m) => m.segment === segment);
  const silences = marks.silences.filter((m) => m.segment === segment);
  const densities = marks.densities.filter((m) => m.segment === segment);

  // Touches stack where they would overlap: the first level with room at that x.
  const levelEnds: number[] = [];
  const dots = occurrences.map((o) => {
    const cx = x(o.day);
    let level = levelEnds.findIndex((end) => end <= cx);
    if (level === -1) level = levelEnds.length;
    levelEnds[level] = cx + 2 * r + 1;
    return { ...o, cx, level };
  });
  const levels = Math.max(1, levelEnds.length);

  // Each piece says its zoom, in words where they fit, else as the factor alone.
  const fits = (p: ScalePiece, text: string): boolean =>
    (p.end - p.start) * inner >= text.length * font * 0.56 + 8;
  const pieces = scale.pieces.flatMap((p) => {
    const text = [
      pieceLabel(p, loc),
      p.zoom === 1 ? '' : `\u00d7${loc.numbersIn(String(p.zoom))}`,
    ].find((t) => t !== '' && fits(p, t));
    return text === undefined ? [] : [{ p, text }];
  });
  const above = placeLabels(
    [
      ...collisions.map((m) => ({ x: x(m.day) - 10, text: T.collision, cls: 'label-collision' })),
      ...densities.map((m) => ({
        x: x(m.from),
        text: T.density(m.peak, m.window, m.max, m.channel),
        cls: 'label-density',
      })),
    ],
    layout,
  );
  const below = placeLabels(
    silences.map((m) => ({
      x: x(m.from) + 2,
      text: T.silence(m.to - m.from),
      cls: 'label-silence',
    })),
    layout,
  );
  const aboveRows = above.length === 0 ? 0 : Math.max(...above.map((l) => l.row)) + 1;
  const belowRows = below.length === 0 ? 0 : Math.max(...below.map((l) => l.row)) + 1;
  const pieceY = font + 2;
  const top = pieceY + 6 + aboveRows * line;
  const axis = top + levels * step + 8;
  const tickY = axis + font + 3;
  const height = tickY + 6 + belowRows * line;

  const parts: string[] = [];
  if (scale.min < 0) {
    parts.push(
      `<rect class="before-start" x="${x(scale.min)}" y="${top - 4}" width="${round(x(0) - x(scale.min))}" height="${axis - top + 4}"/>`,
    );
  }
  for (const { p, text } of pieces) {
    parts.push(
      `<text class="piece" data-piece="${p.kind}" x="${round(pad + ((p.start + p.end) / 2) * inner)}" y="${pieceY}" font-size="${font}" text-anchor="middle">${esc(text)}</text>`,
    );
  }
  for (const day of dayTicks(scale, inner, layout.spacing)) {
    parts.push(
      `<line class="tick" x1="${x(day)}" y1="${top - 4}" x2="${x(day)}" y2="${axis}"/>`,
      `<text x="${x(day)}" y="${tickY}" font-size="${font}" text-anchor="middle">${day === 0 ? T.day(0) : T.signedDay(day)}</text>`,
    );
  }
  for (const m of silences) {
    parts.push(
      `<rect class="silence" x="${x(m.from)}" y="${top - 2}" width="${Math.max(1, round(x(m.to) - x(m.from)))}" height="${axis - top + 2}" rx="3"><title>${esc(m.message)}</title></rect>`,
    );
  }
  for (const m of densities) {
    const left = x(m.from) - r - 1;
    parts.push(
      `<rect class="density" x="${round(left)}" y="${top - 2}" width="${round(Math.max(2 * r + 2, x(m.to) + r + 1 - left))}" height="${axis - top + 2}" rx="4"><title>${esc(m.message)}</title></rect>`,
    );
  }
  parts.push(`<line class="axis" x1="${pad}" y1="${axis}" x2="${width - pad}" y2="${axis}"/>`);
  for (const d of dots) {
    parts.push(
      `<circle class="occurrence" cx="${d.cx}" cy="${axis - r - 2 - d.level * step}" r="${r}" data-touchpoint="${esc(d.touchpoint)}" data-day="${d.day}"><title>${esc(`${d.touchpoint}, ${T.day(d.day)}`)}</title></circle>`,
    );
  }
  for (const m of collisions) {
    const at = dots.filter((d) => d.day === m.day && m.touchpoints.includes(d.touchpoint));
    const high = Math.max(0, ...at.map((d) => d.level)) + 1;
    const h = high * step + 4;
    parts.push(
      `<rect class="collision" x="${round(x(m.day) - r - 3)}" y="${axis - 1 - h}" width="${2 * r + 6}" height="${h}" rx="${r + 3}"><title>${esc(m.message)}</title></rect>`,
    );
  }
  for (const l of above) {
    parts.push(
      `<text class="${l.cls}" x="${l.x}" y="${pieceY + 6 + (l.row + 1) * line - 3}" font-size="${font}">${esc(l.text)}</text>`,
    );
  }
  for (const l of below) {
    parts.push(
      `<text class="${l.cls}" x="${l.x}" y="${tickY + (l.row + 1) * line}" font-size="${font}">${esc(l.text)}</text>`,
    );
  }
  const label = loc.text('journey.aria', {
    segment,
    touches: loc.text('journey.touchCount', { n: occurrences.length }),
    collisions: loc.text('journey.collisionCount', { n: collisions.length }),
    densities: loc.text('journey.densityCount', { n: densities.length }),
    silences: loc.text('journey.silenceCount', { n: silences.length }),
    min: T.signedDay(scale.min),
    max: T.signedDay(scale.max),
  });
  return `<svg class="timeline ${layout.kind}" data-segment="${esc(segment)}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}"${layout.kind === 'narrow' ? ' aria-hidden="true"' : ''}>${parts.join('')}</svg>`;
}

/** The marks of one segment as printed text: what each label on the strip stands for. */
function marksList(segment: string, marks: TimelineMarks, loc: Locale): string {
  const T = journeyWords(loc);
  const items = [
    ...marks.densities
      .filter((m) => m.segment === segment)
      .map((m) => ({
        day: m.from,
        cls: 'label-density',
        text: T.density(m.peak, m.window, m.max, m.channel),
        message: m.message,
      })),
    ...marks.collisions
      .filter((m) => m.segment === segment)
      .map((m) => ({
        day: m.day,
        cls: 'label-collision',
        text: `${T.collision}, ${T.day(m.day)}`,
        message: m.message,
      })),
    ...marks.silences
      .filter((m) => m.segment === segment)
      .map((m) => ({
        day: m.from,
        cls: 'label-silence',
        text: T.silence(m.to - m.from),
        message: m.message,
      })),
  ].sort((a, b) => a.day - b.day);
  if (items.length === 0) return '';
  const li = items.map(
    (i) => `<li class="${i.cls}"><strong>${esc(i.text)}</strong>: ${esc(i.message)}</li>`,
  );
  return `<ol class="marks">${li.join('')}</ol>`;
}

function cardHtml(card: JourneyCard, names: ReportNames, loc: Locale): string {
  const meta = [
    card.channel === undefined ? '' : esc(loc.channel(card.channel)),
    card.owner === undefined ? '' : htmlLabel(names.owner(card.owner)),
  ].filter((part) => part !== '');
  const days = cardDaysText(card.days, loc);
  const grade = `<b class="jm-grade">${esc(`${card.grade}${card.provisional ? '?' : ''} ${formatScore(card.score, loc)}`)}</b>`;
  return [
    `<div class="jm-card jm-${card.grade}" data-touchpoint="${esc(card.id)}">`,
    `<span class="jm-name">${htmlLabel(names.touchpoint(card.id))}</span>`,
    meta.length === 0 ? '' : `<span class="jm-meta">${meta.join(' · ')}</span>`,
    `<span class="jm-foot">${grade}${days === '' ? '' : ` · ${esc(days)}`}</span>`,
    '</div>',
  ].join('');
}

function laneLabel(kind: LaneKind, id: string, names: ReportNames, loc: Locale): string {
  if (kind === 'owner') return htmlLabel(names.owner(id));
  return esc(kind === 'channel' ? loc.channel(id) : id);
}

function laneGrid(map: JourneyMap, kind: LaneKind, names: ReportNames, loc: Locale): string {
  const T = journeyWords(loc);
  const head = [
    '<div class="jm-corner"></div>',
    ...map.stages.map(
      (s) =>
        `<div class="jm-stage${s.gap ? ' gap' : ''}">${esc(loc.stage(s.id))}${s.gap ? `<span class="jm-gap">${esc(T.gap)}</span>` : ''}</div>`,
    ),
  ];
  const rows = map.lanes[kind].map((lane) => {
    const cells = lane.cells.map((cards, i) => {
      const stage = map.stages[i];
      const gap = stage?.gap === true;
      const cls = gap ? ' gap' : cards.length === 0 ? ' empty' : '';
      const label = `<span class="jm-cell-stage">${esc(stage === undefined ? '' : loc.stage(stage.id))}${gap ? ` (${esc(T.gapCell)})` : ''}</span>`;
      return `<div class="jm-cell${cls}">${label}${cards.map((c) => cardHtml(c, names, loc)).join('')}</div>`;
    });
    return `<div class="jm-lane">${laneLabel(kind, lane.id, names, loc)}</div>${cells.join('')}`;
  });
  return `<div class="journey-grid" data-lanes="${kind}" style="--stages: ${map.stages.length}">${[...head, ...rows].join('')}</div>`;
}

/**
 * The journey map: the stages as columns with each touchpoint a card (name, grade colour,
 * channel and owner), one lane per segment, owner or channel (radio buttons switch them in
 * CSS, no script), then per segment the day axis with every touch, collisions, density
 * breaches and silences drawn and labelled in text that prints.
 */
export function journeySection(
  report: AuditReport,
  names: ReportNames,
  loc: Locale = ENGLISH,
): string {
  if (report.scores === undefined) return '';
  const T = journeyWords(loc);
  const map = journeyMap(report);
  const switcher = LANE_KINDS.map(
    (kind) =>
      `<input type="radio" name="journey-lanes" id="lanes-${kind}" value="${kind}"${kind === 'segment' ? ' checked' : ''}><label for="lanes-${kind}">${esc(T.laneKind[kind])}</label>`,
  );
  const timeline = report.timeline;
  const strips: string[] = [];
  if (timeline !== undefined && timeline.segments.length > 0) {
    const marks = timelineMarks(report, loc.message);
    const scale = dayScale(
      timeline.segments.flatMap((s) => s.occurrences.map((o) => o.day)),
      timeline.horizon,
    );
    strips.push(
      `<h3>${esc(loc.text('journey.daysTitle'))}</h3>`,
      `<p class="note">${esc(scaleNote(scale, loc))}</p>`,
      ...timeline.segments.map(
        (s) =>
          `<figure class="day-strip"><figcaption>${esc(s.id)}</figcaption>${daySvg(s.id, s.occurrences, scale, marks, WIDE, loc)}${daySvg(s.id, s.occurrences, scale, marks, NARROW, loc)}${marksList(s.id, marks, loc)}</figure>`,
      ),
      `<div class="legend">${(
        [
          ['l-occurrence', 'journey.lTouch'],
          ['l-collision', 'journey.lCollision'],
          ['l-density', 'journey.lDensity'],
          ['l-silence', 'journey.lSilence'],
          ['l-before', 'journey.lBefore'],
        ] as const
      )
        .map(([cls, key]) => `<span class="${cls}">${esc(loc.text(key))}</span>`)
        .join('')}</div>`,
    );
  }
  return [
    '<section id="journey" aria-labelledby="journey-title">',
    `<h2 id="journey-title">${esc(T.title)}</h2>`,
    `<p class="note">${esc(loc.text('journey.note'))}</p>`,
    // The radio buttons are the grids' siblings so that CSS alone shows the chosen lanes.
    `<div class="journey"><span class="lane-title">${esc(T.lanes)}:</span>${switcher.join('')}`,
    ...LANE_KINDS.map((kind) => laneGrid(map, kind, names, loc)),
    '</div>',
    map.outside.length === 0
      ? ''
      : `<p class="note">${esc(T.outside)}: ${map.outside.map((id) => htmlLabel(names.touchpoint(id))).join(', ')}.</p>`,
    ...strips,
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function scaleNote(scale: DayScale, loc: Locale): string {
  const pieces = scale.pieces.map(
    (p) => `${pieceLabel(p, loc).replace(/, ×.*/, '')} ×${loc.numbersIn(String(p.zoom))}`,
  );
  return loc.text('journey.scaleNote', { pieces: pieces.join(', ') });
}
