import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendSource, sourceYaml } from '../../src/config/append-source.js';
import { defaultConfig } from '../../src/config/config.js';
import { parseConfigText } from '../../src/config/load-config.js';
import { metricPeriodOrThrow } from '../../src/metrics/period.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import { metricKey, type MetricsResult } from '../../src/metrics/types.js';
import { examineExport } from '../../src/metrics/vendors/examine-export.js';
import { VENDOR_PROFILES } from '../../src/metrics/vendors/profiles.js';
import { matchGlob, recogniseVendor } from '../../src/metrics/vendors/recognise-vendor.js';
import { getValidator } from '../../src/schema/validators.js';
import type { Unit } from '../../src/types.js';
import { inventory, touchpoint } from './rule-harness.js';

const PERIOD = 'period: 3650d\nasOf: 2026-04-30\n';
const period = () => metricPeriodOrThrow({ days: 3650, asOf: '2026-04-30' });

interface Shape {
  file: string;
  vendor: string;
  /** Header line of the table the profile recognised. */
  line: number;
  /** Inventory touchpoints (id, channel, metric, unit) the suggestion may pick a fixed id from. */
  touchpoints?: [string, string, string, Unit?][];
  /** A config written by hand from the README, giving the same metrics. */
  handWritten: string;
  /** One value per shape, computed from the fixture's rows independently of the reader. */
  expected: [string, string, number];
}

/** The Zoom attendee table, with or without the webinar report around it. */
const ZOOM = `sources:
  - match: "zoom-*.csv"
    touchpoint: { id: onboarding-webinar }
    date: Registration Time
    dateOrder: mdy
    metrics:
      - { metric: attendance_rate, aggregate: { fn: share, column: Attended, where: { in: "Yes" } } }
      - metric: minutes_in_session
        aggregate: { fn: mean, column: Time in Session (minutes) }
        filter: { Attended: "Yes" }
`;

const SHAPES: Shape[] = [
  {
    file: 'vendors/mailchimp-campaigns.csv',
    vendor: 'mailchimp-campaigns',
    line: 1,
    handWritten: `sources:
  - match: "mailchimp-*.csv"
    touchpoint: Title
    date: Send Date
    metrics:
      - { metric: open_rate, ratio: { numerator: Unique Opens, denominator: Successful Deliveries } }
      - { metric: click_rate, ratio: { numerator: Unique Clicks, denominator: Successful Deliveries } }
      - { metric: unsubscribe_rate, ratio: { numerator: Unsubscribes, denominator: Successful Deliveries } }
`,
    expected: ['Onboarding tips', 'open_rate', 0.38055130168453294],
  },
  {
    file: 'vendors/klaviyo-campaigns.csv',
    vendor: 'klaviyo-campaigns',
    line: 1,
    handWritten: `aliases: { "*: Impact Report *": impact-newsletter }
sources:
  - match: "klaviyo-campaigns*.csv"
    touchpoint: Campaign Name
    date: Send Time
    metrics:
      - { metric: open_rate, ratio: { numerator: Unique Opens, denominator: Successful Deliveries } }
      - { metric: click_rate, ratio: { numerator: Unique Clicks, denominator: Successful Deliveries } }
      - { metric: unsubscribe_rate, ratio: { numerator: Unsubscribes, denominator: Successful Deliveries } }
`,
    expected: ['impact-newsletter', 'open_rate', 0.3608383446245972],
  },
  {
    file: 'vendors/klaviyo-flows.csv',
    vendor: 'klaviyo-flows',
    line: 1,
    handWritten: `aliases: { Abandoned Cart: abandoned-cart, "*welcome series*": welcome-series }
sources:
  - match: "klaviyo-flows*.csv"
    touchpoint: Flow Name
    date: Day
    filter: { Status: [Live, Manual] }
    metrics:
      - { metric: open_rate, ratio: { numerator: Unique Opens, denominator: Successful Deliveries } }
      - { metric: click_rate, ratio: { numerator: Unique Clicks, denominator: Successful Deliveries } }
      - { metric: unsubscribe_rate, ratio: { numerator: Unsubscribes, denominator: Successful Deliveries } }
`,
    expected: ['welcome-series', 'open_rate', 0.27520435967302453],
  },
  {
    file: 'vendors/zoom-attendees.csv',
    vendor: 'zoom-webinar-attendees',
    line: 1,
    touchpoints: [['onboarding-webinar', 'webinar', 'attendance_rate', 'ratio']],
    handWritten: ZOOM,
    expected: ['onboarding-webinar', 'attendance_rate', 19 / 27],
  },
  {
    file: 'profiles/zoom-webinar-report.csv',
    vendor: 'zoom-webinar-attendees',
    line: 12,
    touchpoints: [['onboarding-webinar', 'webinar', 'attendance_rate', 'ratio']],
    handWritten: ZOOM,
    // One row per join: Budi joined twice. 4 of 6 rows attended; (60 + 30 + 20 + 40) / 4 minutes.
    expected: ['onboarding-webinar', 'attendance_rate', 4 / 6],
  },
  {
    file: 'profiles/qualtrics-onboarding.csv',
    vendor: 'qualtrics',
    line: 1,
    touchpoints: [['onboarding-survey', 'survey', 'csat', 'score']],
    handWritten: `sources:
  - match: "qualtrics-*.csv"
    touchpoint: { id: onboarding-survey }
    date: RecordedDate
    skipRows: 1
    metrics:
      - { metric: csat, aggregate: { fn: mean, column: Q1 } }
      - { metric: responses, aggregate: { fn: count } }
`,
    expected: ['onboarding-survey', 'csat', 47 / 12],
  },
  {
    file: 'profiles/microsoft-forms-kickoff.csv',
    vendor: 'microsoft-forms',
    line: 1,
    handWritten: `sources:
  - match: "microsoft-forms-*.csv"
    touchpoint: { id: csat-survey }
    date: Completion time
    dateOrder: mdy
    metrics:
      - { metric: csat, aggregate: { fn: mean, column: How satisfied are you with the kickoff call? } }
      - { metric: responses, aggregate: { fn: count } }
`,
    expected: ['csat-survey', 'csat', 4.4],
  },
  {
    file: 'vendors/google-forms-onboarding.csv',
    vendor: 'google-forms',
    line: 1,
    handWritten: `sources:
  - match: "google-forms-*.csv"
    touchpoint: { id: csat-survey }
    date: Timestamp
    metrics:
      - { metric: csat, aggregate: { fn: mean, column: "How satisfied are you with onboarding? (1-5)" } }
      - { metric: responses, aggregate: { fn: count } }
`,
    expected: ['csat-survey', 'csat', 3.2],
  },
  {
    file: 'vendors/typeform-nps.csv',
    vendor: 'typeform',
    line: 1,
    touchpoints: [['nps-survey', 'survey', 'recommend_score']],
    handWritten: `sources:
  - match: "typeform-*.csv"
    touchpoint: { id: nps-survey }
    date: Submit Date (UTC)
    metrics:
      - { metric: recommend_score, aggregate: { fn: mean, column: How likely are you to recommend us to a friend? } }
      - { metric: responses, aggregate: { fn: count } }
`,
    expected: ['nps-survey', 'responses', 25],
  },
  {
    file: 'profiles/surveymonkey-nps.csv',
    vendor: 'surveymonkey',
    line: 1,
    handWritten: `sources:
  - match: "surveymonkey-*.csv"
    touchpoint: { id: csat-survey }
    date: End Date
    skipRows: 1
    metrics:
      - { metric: recommend_score, aggregate: { fn: mean, column: How likely are you to recommend us to a colleague? } }
      - { metric: responses, aggregate: { fn: count } }
`,
    expected: ['csat-survey', 'recommend_score', 74 / 9],
  },
  {
    file: 'vendors/zendesk-tickets.csv',
    vendor: 'zendesk-tickets',
    line: 1,
    touchpoints: [['support-ticket', 'support-ticket', 'first_reply_hours', 'hours']],
    handWritten: `sources:
  - match: "zendesk-*.csv"
    touchpoint: { id: support-ticket }
    date: Created at
    segment: Tier [list]
    metrics:
      - { metric: first_reply_hours, aggregate: { fn: mean, column: First reply time in minutes }, unit: minutes }
      - { metric: csat, aggregate: { fn: share, column: Satisfaction Score, where: { in: [Good], of: [Good, Bad] } } }
      - { metric: tickets, aggregate: { fn: count } }
`,
    expected: ['support-ticket', 'csat', 0.74],
  },
  {
    file: 'vendors/freshdesk-tickets.csv',
    vendor: 'freshdesk-tickets',
    line: 1,
    touchpoints: [['billing-support', 'support-ticket', 'first_response_hours', 'hours']],
    handWritten: `sources:
  - match: "freshdesk-*.csv"
    touchpoint: { id: billing-support }
    date: Created time
    metrics:
      - { metric: first_response_hours, aggregate: { fn: mean, column: First response time (in hrs) } }
      - { metric: resolution_hours, aggregate: { fn: mean, column: Resolution time (in hrs) } }
      - { metric: tickets, aggregate: { fn: count } }
`,
    expected: ['billing-support', 'tickets', 30],
  },
  {
    file: 'profiles/ga-landing-pages.csv',
    vendor: 'google-analytics',
    line: 7,
    handWritten: `sources:
  - match: "ga-*.csv"
    touchpoint: Landing Page
    metrics:
      - { metric: sessions, aggregate: { fn: sum, column: Sessions } }
      - { metric: bounce_rate, value: Bounce Rate }
`,
    // 1,204 + 300 sessions; the totals row is left out.
    expected: ['/pricing', 'sessions', 1504],
  },
  {
    file: 'vendor/ga-nl-channels.csv',
    vendor: 'google-analytics-nl',
    line: 7,
    handWritten: `sources:
  - match: "ga-nl-*.csv"
    touchpoint: Standaard kanaalgroepering
    metrics:
      - { metric: sessions, aggregate: { fn: sum, column: Sessies } }
      - { metric: bounce_rate, value: Bouncepercentage }
`,
    // 2.546 in a file that writes "1,15": 2546 sessions.
    expected: ['Organic Search', 'sessions', 2546],
  },
  {
    file: 'profiles/ga4-traffic.csv',
    vendor: 'google-analytics-4',
    line: 7,
    handWritten: `sources:
  - match: "ga4-*.csv"
    touchpoint: Session default channel group
    metrics:
      - { metric: sessions, aggregate: { fn: sum, column: Sessions } }
      - { metric: engagement_rate, ratio: { numerator: Engaged sessions, denominator: Sessions } }
`,
    expected: ['Email', 'engagement_rate', 0.7],
  },
  {
    file: 'vendors/whatsapp-broadcast.csv',
    vendor: 'whatsapp-broadcast-id',
    line: 1,
    touchpoints: [['renewal-whatsapp', 'whatsapp', 'read_rate', 'ratio']],
    handWritten: `sources:
  - match: "whatsapp-*.csv"
    touchpoint: { id: renewal-whatsapp }
    date: Tanggal Kirim
    segment: Segmen
    filter: { Status: Terkirim }
    metrics:
      - { metric: read_rate, aggregate: { fn: share, column: Dibaca, where: { in: Ya } } }
      - { metric: reply_rate, aggregate: { fn: share, column: Dibalas, where: { in: Ya } } }
`,
    expected: ['renewal-whatsapp', 'read_rate', 0.76],
  },
  {
    file: 'profiles/whatsapp-broadcast-en.csv',
    vendor: 'whatsapp-broadcast-en',
    line: 1,
    handWritten: `sources:
  - match: "whatsapp-*.csv"
    touchpoint: { id: whatsapp-broadcast }
    date: Sent Date
    segment: Segment
    filter: { Status: Delivered }
    metrics:
      - { metric: read_rate, aggregate: { fn: share, column: Read, where: { in: "Yes" } } }
      - { metric: reply_rate, aggregate: { fn: share, column: Replied, where: { in: "Yes" } } }
`,
    // 6 delivered, 3 of them read.
    expected: ['whatsapp-broadcast', 'read_rate', 0.5],
  },
];

const DIR = 'test/fixtures/metrics';

function shapeInventory(shape: Shape) {
  return inventory(
    (shape.touchpoints ?? []).map(([id, channel, name, unit], i) => ({
      ...touchpoint(id, 10 * i + 1, unit === undefined ? { name } : { name, unit }),
      channel,
    })),
  );
}

async function readWith(shape: Shape, yaml: string): Promise<MetricsResult> {
  const config = parseConfigText(PERIOD + yaml, 'touchpoint.config.yaml');
  return readMetrics([`${DIR}/${shape.file}`], {
    config,
    inventory: shapeInventory(shape),
    period: period(),
  });
}

/** Every value a result holds, as comparable rows. */
function values(result: MetricsResult): [string, string, number | undefined, number][] {
  return [...result.values.values()].map((v) => [v.touchpoint, v.metric, v.value, v.rows]);
}

describe('vendor profiles: recognised from the header alone', () => {
  it.each(SHAPES)('$file is $vendor (header on line $line)', async (shape) => {
    const config = parseConfigText(PERIOD, 'touchpoint.config.yaml');
    const result = await readMetrics([`${DIR}/${shape.file}`], {
      config,
      period: period(),
    });
    const problems = result.problems.filter((p) => p.kind === 'vendor-export');
    expect(problems.map((p) => [p.vendor, p.location.line])).toEqual([[shape.vendor, shape.line]]);
  });

  it('covers every vendor the issue names, and each profile has a fixture', () => {
    expect(new Set(SHAPES.map((s) => s.vendor))).toEqual(
      new Set([...VENDOR_PROFILES.map((p) => p.id)].filter((id) => id !== 'qualtrics-legacy')),
    );
  });

  it('recognises the legacy Qualtrics header (V1, V2, … and a label row)', () => {
    expect(recogniseVendor(['V1', 'V2', 'V3', 'V8', 'V9', 'V10', 'Q1', ''])?.id).toBe(
      'qualtrics-legacy',
    );
  });

  it('leaves a header no profile knows unrecognised', () => {
    expect(recogniseVendor(['Campaign', 'Opened', 'Delivered'])).toBeUndefined();
    expect(recogniseVendor(['Date', 'Timestamp', 'Score'])).toBeUndefined();
  });

  it('turns dates and numbers in a file name into a glob, not digits inside a word', () => {
    expect(matchGlob('zendesk-tickets-2026-03.csv')).toBe('zendesk-tickets-*.csv');
    expect(matchGlob('ga4-traffic 2026.05.csv')).toBe('ga4-traffic *.csv');
    expect(matchGlob('typeform.csv')).toBe('typeform.csv');
  });
});

describe('vendor profiles: the suggested sources: entry', () => {
  it.each(SHAPES)(
    '$file: valid against the config schema, and pasted unchanged gives the hand-written values',
    async (shape) => {
      const examination = await examineExport(`${DIR}/${shape.file}`, {
        config: defaultConfig(),
        inventory: shapeInventory(shape),
        period: period(),
      });
      expect(examination.status).toBe('vendor');
      const suggestion = examination.suggestion;
      if (suggestion === undefined) throw new Error('no suggestion');
      const yaml = examination.yaml ?? '';
      expect(yaml).toBe(sourceYaml(suggestion, 'block'));
      const validate = getValidator('config');
      expect(validate(parse(yaml)), JSON.stringify(validate.errors)).toBe(true);
      // The hand-written config's aliases stay: only the sources: entry is pasted.
      const aliases = /^aliases:.*\n/.exec(shape.handWritten)?.[0] ?? '';
      const pasted = await readWith(shape, aliases + yaml);
      const byHand = await readWith(shape, shape.handWritten);
      expect(values(pasted)).toEqual(values(byHand));
      const [id, metric, expected] = shape.expected;
      expect(pasted.values.get(metricKey(id, metric))?.value).toBeCloseTo(expected, 9);
      // What touchpoint sources shows is what the pasted entry gives (to 12 digits).
      const shown = examination.values.map((v) => [v.touchpoint, v.metric, v.value, v.rows]);
      expect(shown).toEqual(
        values(await readWith(shape, yaml)).map(([t, m, v, rows]) => [
          t,
          m,
          v === undefined ? null : Number(v.toPrecision(12)),
          rows,
        ]),
      );
    },
  );

  it('takes the fixed id of the inventory touchpoint on the vendor channel, else a placeholder', async () => {
    const shape = SHAPES.find((s) => s.vendor === 'zendesk-tickets');
    if (shape === undefined) throw new Error('no zendesk shape');
    const suggest = async (touchpoints: Shape['touchpoints']) =>
      (
        await examineExport(`${DIR}/${shape.file}`, {
          config: defaultConfig(),
          inventory: shapeInventory({ ...shape, ...(touchpoints ? { touchpoints } : {}) }),
          period: period(),
        })
      ).suggestion?.touchpoint;
    expect(
      await suggest([
        ['faq', 'knowledge-base', 'views'],
        ['priority-line', 'support-ticket', 'csat'],
        ['helpdesk', 'support-ticket', 'first_reply_hours'],
      ]),
    ).toEqual({ id: 'priority-line' });
    expect(await suggest([['faq', 'knowledge-base', 'views']])).toEqual({ id: 'support-ticket' });
  });
});

describe('appendSource: --write keeps the config as written', () => {
  const entry = {
    match: 'zendesk-*.csv',
    touchpoint: { id: 'support-ticket' },
    metrics: [{ metric: 'tickets', aggregate: { fn: 'count' as const } }],
  };

  it('appends to the sources: list, comments and all', () => {
    const text = `# our config\nperiod: 180d # half a year\nsources:\n  # the e-mail tool\n  - match: "mailchimp-*.csv" # monthly\n    touchpoint: Title\n    metric: open_rate\n    value: Open Rate\n`;
    expect(appendSource(text, entry, 'touchpoint.config.yaml')).toBe(
      `${text}  - match: zendesk-*.csv\n    touchpoint: { id: support-ticket }\n    metrics:\n      - metric: tickets\n        aggregate: { fn: count }\n`,
    );
  });

  it('adds a sources: list to a config without one, and to an empty file', () => {
    expect(appendSource('# settings\nperiod: 90d\n', entry, 'c.yaml')).toBe(
      '# settings\nperiod: 90d\nsources:\n  - match: zendesk-*.csv\n    touchpoint: { id: support-ticket }\n    metrics:\n      - metric: tickets\n        aggregate: { fn: count }\n',
    );
    expect(appendSource('', entry, 'c.yaml')).toBe(
      'sources:\n  - match: zendesk-*.csv\n    touchpoint: { id: support-ticket }\n    metrics:\n      - metric: tickets\n        aggregate: { fn: count }\n',
    );
  });

  it('refuses an entry whose match is in the list already, and a config it cannot edit', () => {
    const text = 'sources:\n  - match: zendesk-*.csv\n    touchpoint: Id\n';
    // The library speaks of the config; the CLI words it for --write (test/cli/error-message.test.ts).
    expect(() => appendSource(text, entry, 'c.yaml')).toThrow(
      expect.objectContaining({
        problem: { kind: 'match-exists', file: 'c.yaml', match: 'zendesk-*.csv' },
        message:
          'c.yaml already has a sources: entry for "zendesk-*.csv": edit it, or remove it before adding this one',
      }),
    );
    expect(() => appendSource('sources: none\n', entry, 'c.yaml')).toThrow(
      'c.yaml: sources: is not a list, so nothing can be added to it',
    );
    expect(() => appendSource('period: [\n', entry, 'c.yaml')).toThrow(
      /^c\.yaml: cannot add to a config that does not parse/,
    );
  });
});
