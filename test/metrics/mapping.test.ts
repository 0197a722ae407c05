import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { metricPeriodOrThrow } from '../../src/metrics/period.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import { metricKey, type MetricsResult } from '../../src/metrics/types.js';
import type { Unit } from '../../src/types.js';
import { readmeBlocks } from '../helpers/readme-blocks.js';
import { metricFindings } from './metric-findings.js';
import { inventory, touchpoint } from './rule-harness.js';

const DIR = 'test/fixtures/metrics/vendors';
const PERIOD = 'period: 180d\nasOf: 2026-04-30\n';

/** Reads vendor fixtures with a config written as YAML (as a user would, from the README). */
async function read(
  files: string[],
  yaml: string,
  metrics: [string, string, Unit?][] = [],
): Promise<MetricsResult> {
  const config = parseConfigText(PERIOD + yaml, 'touchpoint.config.yaml');
  return readMetrics(
    files.map((f) => `${DIR}/${f}`),
    {
      config,
      inventory: inventory(
        metrics.map(([id, name, unit], i) =>
          touchpoint(id, 10 * i + 1, unit === undefined ? { name } : { name, unit }),
        ),
      ),
      period: metricPeriodOrThrow({ days: config.period, asOf: config.asOf }),
    },
  );
}

/** The README's worked example for the files `match` names: the tests use the README's text. */
function readmeConfig(match: string): string {
  const blocks = readmeBlocks().filter(
    (b) =>
      b.subsection === 'Mapping vendor exports: `sources:`' &&
      b.content.includes(`match: "${match}"`),
  );
  if (blocks.length !== 1) throw new Error(`README has ${blocks.length} examples for ${match}`);
  return blocks[0]?.content ?? '';
}

function value(result: MetricsResult, id: string, metric: string): number | undefined {
  return result.values.get(metricKey(id, metric))?.value;
}

function findings(result: MetricsResult) {
  return metricFindings(result).map((f) => [f.rule, f.location.file, f.location.line, f.message]);
}

// Expected figures were computed from the fixtures' rows by hand (a spreadsheet's AVERAGE,
// MEDIAN, PERCENTILE.INC and COUNTIF), independently of the reader.
describe('sources: one row per event (aggregates)', () => {
  const ZENDESK = readmeConfig('zendesk-*.csv');

  it('Zendesk tickets: mean in hours (unit conversion), median, p90, CSAT share, count, per tier', async () => {
    const result = await read(['zendesk-tickets.csv'], ZENDESK, [
      ['support-ticket', 'first_reply_hours', 'hours'],
    ]);
    expect(findings(result)).toEqual([]);
    expect(value(result, 'support-ticket', 'first_reply_hours')).toBeCloseTo(10.87280701754386, 9);
    expect(value(result, 'support-ticket', 'median_reply_hours')).toBeCloseTo(7.6, 6);
    expect(value(result, 'support-ticket', 'p90_reply_minutes')).toBeCloseTo(1626.6, 9);
    expect(value(result, 'support-ticket', 'csat')).toBeCloseTo(0.74, 12);
    expect(value(result, 'support-ticket', 'tickets')).toBe(60);
    const segments = result.values.get(metricKey('support-ticket', 'first_reply_hours'))?.segments;
    expect(Object.keys(segments ?? {})).toEqual(['enterprise', 'scale', 'smb']);
    expect(segments?.enterprise?.value).toBeCloseTo(0.6921052631578948, 9);
    expect(segments?.smb?.value).toBeCloseTo(7.109649122807017, 9);
    expect(segments?.scale?.value).toBeCloseTo(24.816666666666666, 9);
    // 3 tickets have no first reply yet: not a bad row, not a zero.
    expect(result.values.get(metricKey('support-ticket', 'first_reply_hours'))?.rows).toBe(57);
  });

  it('Freshdesk tickets: filter on Status, hours as they are', async () => {
    const result = await read(['freshdesk-tickets.csv'], readmeConfig('freshdesk-*.csv'));
    expect(findings(result)).toEqual([]);
    expect(value(result, 'billing-support', 'first_response_hours')).toBeCloseTo(
      15.762666666666666,
      9,
    );
    expect(result.values.get(metricKey('billing-support', 'first_response_hours'))?.rows).toBe(15);
  });

  it('Zoom attendee section: share of Attended = Yes, mean time in session ("--" for no-shows)', async () => {
    const result = await read(['zoom-attendees.csv'], readmeConfig('zoom-*.csv'));
    expect(findings(result)).toEqual([]);
    expect(value(result, 'onboarding-webinar', 'attendance_rate')).toBeCloseTo(19 / 27, 12);
    expect(value(result, 'onboarding-webinar', 'minutes_in_session')).toBeCloseTo(
      36.68421052631579,
      9,
    );
  });

  it('WhatsApp broadcast sheet (Indonesian headers): read share per segment among sent', async () => {
    const result = await read(['whatsapp-broadcast.csv'], readmeConfig('whatsapp-*.csv'));
    expect(findings(result)).toEqual([]);
    const readRate = result.values.get(metricKey('renewal-whatsapp', 'read_rate'));
    expect(readRate?.value).toBeCloseTo(0.76, 12);
    expect(readRate?.segments?.enterprise?.value).toBeCloseTo(7 / 12, 12);
    expect(readRate?.segments?.smb?.value).toBeCloseTo(12 / 13, 12);
  });
});

describe('sources: one file = one touchpoint (surveys)', () => {
  it('Google Forms: the mean of a question column, for a fixed id', async () => {
    const result = await read(['google-forms-onboarding.csv'], readmeConfig('google-forms-*.csv'));
    expect(findings(result)).toEqual([]);
    expect(value(result, 'csat-survey', 'csat')).toBeCloseTo(3.2, 12);
  });

  it('Typeform: share of promoters (9 and 10) among all answers', async () => {
    const result = await read(['typeform-nps.csv'], readmeConfig('typeform-*.csv'));
    expect(findings(result)).toEqual([]);
    expect(value(result, 'nps-survey', 'promoters')).toBeCloseTo(0.28, 12);
  });
});

describe('sources: several metrics in one file, names that change per send', () => {
  const MAILCHIMP = readmeConfig('mailchimp-*.csv');

  it('Mailchimp: open, click and unsubscribe rates per campaign from one file', async () => {
    const result = await read(['mailchimp-campaigns.csv'], MAILCHIMP);
    expect(findings(result)).toEqual([]);
    expect(value(result, 'onboarding-tips', 'open_rate')).toBeCloseTo(0.38055130168453294, 12);
    expect(value(result, 'onboarding-tips', 'click_rate')).toBeCloseTo(0.062276671771311895, 12);
    expect(value(result, 'onboarding-tips', 'unsubscribe_rate')).toBeCloseTo(
      0.003318019397651863,
      12,
    );
    expect(value(result, 'product-update', 'open_rate')).toBeCloseTo(0.29681565877884897, 12);
    expect(value(result, 'product-update', 'click_rate')).toBeCloseTo(0.034764826175869123, 12);
  });

  it('Klaviyo campaigns: 40 dated names, one pattern alias, one touchpoint', async () => {
    const result = await read(['klaviyo-campaigns.csv'], readmeConfig('klaviyo-campaigns*.csv'));
    expect(findings(result)).toEqual([]);
    expect([...result.ids.keys()]).toEqual(['impact-newsletter']);
    expect(value(result, 'impact-newsletter', 'open_rate')).toBeCloseTo(0.3608383446245972, 12);
    expect(value(result, 'impact-newsletter', 'click_rate')).toBeCloseTo(0.03341706630128644, 12);
    expect(value(result, 'impact-newsletter', 'unsubscribe_rate')).toBeCloseTo(
      0.0034000659714292962,
      12,
    );
  });

  it('Klaviyo flows: live versions of a flow under one id, drafts filtered out', async () => {
    const result = await read(['klaviyo-flows.csv'], readmeConfig('klaviyo-flows*.csv'));
    expect(findings(result)).toEqual([]);
    expect([...result.ids.keys()]).toEqual(['welcome-series', 'abandoned-cart']);
    expect(value(result, 'welcome-series', 'open_rate')).toBeCloseTo(0.27520435967302453, 12);
    expect(value(result, 'abandoned-cart', 'open_rate')).toBeCloseTo(0.2933070866141732, 12);
  });
});

/** A sources: entry for the Typeform fixture with one metric. */
const typeformEntry = (match: string, metric: string, aggregate: string): string => `
  - match: "${match}"
    touchpoint: { id: nps-survey }
    metrics:
      - metric: ${metric}
        aggregate: ${aggregate}`;
const PROMOTERS =
  '{ fn: share, column: How likely are you to recommend us to a friend?, where: { in: [9, 10] } }';

describe('sources: config findings', () => {
  it('an entry matching no file, and two entries giving one metric for a file', async () => {
    const result = await read(
      ['typeform-nps.csv'],
      `sources:${typeformEntry('typeform-*.csv', 'promoters', PROMOTERS)}${typeformEntry(
        '*-nps.csv',
        'promoters',
        '{ fn: count }',
      )}${typeformEntry('qualtrics-*.csv', 'answers', '{ fn: count }')}
`,
    );
    expect(findings(result)).toEqual([
      [
        'metrics/duplicate-source',
        'touchpoint.config.yaml',
        9,
        'typeform-nps.csv is matched by the sources: entries "typeform-*.csv" and "*-nps.csv", which both give promoters: only "typeform-*.csv" is read for it',
      ],
      [
        'metrics/unused-source',
        'touchpoint.config.yaml',
        14,
        'the sources: entry "qualtrics-*.csv" matches none of the 1 metric file given',
      ],
    ]);
    // The first entry is read; the second is not added on top.
    expect(value(result, 'nps-survey', 'promoters')).toBeCloseTo(0.28, 12);
  });

  it('a filter that keeps nothing: the file contributes nothing (a warning)', async () => {
    const result = await read(
      ['freshdesk-tickets.csv'],
      `
sources:
  - match: "freshdesk-*.csv"
    touchpoint: { id: billing-support }
    filter: { Status: Solved }
    metrics:
      - metric: first_response_hours
        aggregate: { fn: mean, column: First response time (in hrs) }
`,
    );
    expect(findings(result)).toEqual([
      [
        'metrics/unused-file',
        `${DIR}/freshdesk-tickets.csv`,
        1,
        'the file contributes no value to the audit: 30 data rows, 30 empty, N/A or filtered out, 0 bad, 0 after the as-of date',
      ],
    ]);
  });

  it('names missing columns of a metrics: list', async () => {
    const result = await read(
      ['typeform-nps.csv'],
      `sources:${typeformEntry('typeform-*.csv', 'score', '{ fn: median, column: Score }')}\n`,
    );
    expect(findings(result)).toEqual([
      [
        'metrics/unknown-column',
        `${DIR}/typeform-nps.csv`,
        1,
        'the header lacks the column "Score" named by the sources: entry for "typeform-*.csv"',
      ],
    ]);
  });
});
