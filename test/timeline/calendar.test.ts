import { describe, expect, it } from 'vitest';
import { auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import { placeCalendarTouches } from '../../src/timeline/calendar.js';
import type { Occurrence } from '../../src/timeline/types.js';
import type { Touchpoint } from '../../src/types.js';

const touch = (id: string, channel = 'email'): Touchpoint => ({
  id,
  name: id,
  channel,
  segments: [],
  mode: 'proactive',
  transactional: false,
  timing: { kind: 'calendar', calendar: 'weekly', day: 1 },
  location: { file: 'inv.yaml', line: 1, column: 1 },
  fields: {},
});
const at = (touchpoint: string, day: number): Occurrence => ({
  touchpoint,
  day,
  channel: 'email',
  transactional: false,
});

describe('placeCalendarTouches', () => {
  const config = defaultConfig();

  it('picks the first day with the most collisions, then the most touches nearby, then the earliest', () => {
    // Days 3 and 10 are 7 apart: a weekly touch from day 3 meets both; day 12 alone is one.
    const lane = [at('a', 3), at('b', 10), at('c', 12)];
    const placed = placeCalendarTouches(lane, [{ touchpoint: touch('digest'), period: 'weekly' }], {
      segment: 'smb',
      config,
      horizon: 20,
      budget: { left: 100 },
    });
    expect(placed.firstDays).toEqual(new Map([['digest', 3]]));
    expect(placed.occurrences.map((o) => `${o.touchpoint}@${String(o.day)}`)).toEqual([
      'a@3',
      'digest@3',
      'b@10',
      'digest@10',
      'c@12',
      'digest@17',
    ]);
    expect(placed.unaligned).toEqual([]);
  });

  it('an empty lane: the earliest day; a second touch is aligned against the first', () => {
    const placed = placeCalendarTouches(
      [],
      [
        { touchpoint: touch('b-digest'), period: 'weekly' },
        { touchpoint: touch('a-digest'), period: 'weekly' },
      ],
      { segment: 'smb', config, horizon: 6, budget: { left: 100 } },
    );
    expect(placed.firstDays).toEqual(
      new Map([
        ['a-digest', 0],
        ['b-digest', 0],
      ]),
    );
  });

  it('past the search budget a touch is placed from day 0 and listed as unaligned', () => {
    const placed = placeCalendarTouches(
      [at('a', 3)],
      [{ touchpoint: touch('digest'), period: 'weekly' }],
      { segment: 'smb', config, horizon: 10, budget: { left: 0 } },
    );
    expect(placed.firstDays).toEqual(new Map([['digest', 0]]));
    expect(placed.unaligned).toEqual(['digest']);
  });
});

describe('calendar timings in the inventory', () => {
  const newsletter = (timing: string): string[] => {
    const text = `version: 1
journey: [adoption]
touchpoints:
  - id: newsletter
    stage: adoption
    purpose: Share product news and the tips of the month with every customer.
    channel: email
    owner: marketing
    metric: { name: click_rate, target: ">= 0.04" }
    timing: ${timing}
`;
    const loaded = parseInventoryTexts([{ file: 'inv.yaml', text }]);
    return auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-01' })
      .findings.filter((f) => f.rule.startsWith('schema/'))
      .map((f) => `${String(f.location.column)} ${f.message}`);
  };

  it('accepts weekly, monthly and quarterly with a day', () => {
    expect(newsletter('{ calendar: monthly, day: 1 }')).toEqual([]);
    expect(newsletter('{ calendar: weekly, day: 7 }')).toEqual([]);
    expect(newsletter('{ calendar: quarterly }')).toEqual([]);
  });

  it('says what is wrong with a bad period, day or a mixed shape', () => {
    expect(newsletter('{ calendar: weekly, day: 9 }')).toEqual([
      "38 timing.day of touchpoint 'newsletter' must be <= 7",
    ]);
    expect(newsletter('{ calendar: monthly, day: first }')).toEqual([
      "39 timing.day of touchpoint 'newsletter' must be an integer",
    ]);
    expect(newsletter('{ calendar: daily }')).toEqual([
      "25 timing.calendar of touchpoint 'newsletter' is 'daily': expected one of weekly, monthly, quarterly",
    ]);
    expect(newsletter('{ calendar: monthly, at: 2d }')).toEqual([
      "34 'at' does not belong in the timing of touchpoint 'newsletter': this key is not allowed here",
    ]);
  });
});

describe('calendar touches past the alignment search budget', () => {
  it('are placed from day 0 and each is a positioned warning', () => {
    // 45 weekly digests over a 100-year lifecycle: each one's search looks at the lane the ones
    // before it filled, and the 45th finds the 5,000,000-occurrence budget spent.
    const digests = Array.from(
      { length: 45 },
      (_, i) => `  - id: digest-${String(i).padStart(2, '0')}
    stage: adoption
    purpose: Send the weekly digest of product news to every customer.
    channel: email
    owner: cs
    timing: { calendar: weekly, day: 1 }
    metric: { name: open_rate, target: ">= 0.3" }
`,
    );
    const text = `version: 1
journey: [adoption]
lifecycle: { contract-start: 0d, renewal: 100y }
touchpoints:
${digests.join('')}`;
    const config = defaultConfig();
    for (const rule of ['overlap/collision', 'overlap/density', 'overlap/redundant'])
      config.rules[rule] = 'off';
    const report = auditLoaded({
      loaded: parseInventoryTexts([{ file: 'inv.yaml', text }]),
      config,
      asOf: '2026-11-01',
    });
    expect(
      report.findings
        .filter((f) => f.rule === 'schema/invalid')
        .map((f) => `${String(f.location.line)} ${f.severity} ${f.message}`),
    ).toEqual([
      "318 warning calendar touch 'digest-44' was placed from day 0 without its worst-case alignment: the search looks at no more than 5,000,000 timeline occurrences in one audit, and the calendar touches before it used them up (fewer calendar touches per segment, or a shorter lifecycle, bring the search back)",
    ]);
  });
});
