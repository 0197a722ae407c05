import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import type { AuditReport } from '../../src/report.js';
import { junitReporter } from '../../src/reporters/junit.js';
import { escapeXmlAttribute, escapeXmlText } from '../../src/reporters/xml-escape.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';
import { expectGolden } from './golden.js';

interface Failure {
  '#text': string;
  '@_message': string;
  '@_type': string;
}
interface TestCase {
  '@_name': string;
  '@_classname': string;
  failure?: Failure[];
  'system-out'?: string;
}
interface TestSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  testcase: TestCase[];
}
interface Parsed {
  testsuites: { '@_tests': string; '@_failures': string; testsuite: TestSuite[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
});

function parseJunit(xml: string): Parsed {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- its replacement is not a dependency
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

const xml = junitReporter(fixtureReport, fixtureContext);
const parsed = parseJunit(xml);
const suites = parsed.testsuites.testsuite;
const suite = (name: string) => suites.find((s) => s['@_name'] === name);
const testcase = (family: string, name: string) =>
  suite(family)?.testcase.find((t) => t['@_name'] === name);

describe('junit reporter', () => {
  it('matches the golden file and is byte-identical across runs', () => {
    expect(junitReporter(fixtureReport, fixtureContext)).toBe(xml);
    expectGolden('junit.xml', xml);
  });

  it('has one suite per rule family, in report order', () => {
    expect(suites.map((s) => s['@_name'])).toEqual([
      'gap',
      'overlap',
      'ownerless',
      'schema',
      'metrics',
    ]);
  });

  it('has one test case per touchpoint checked, undocumented ones and (inventory)', () => {
    const names = [
      'welcome-email',
      'kickoff-call',
      'qbr',
      'renewal-reminder',
      'nps-survey',
      'upsell-webinar',
      'promo-sms',
      '(inventory)',
    ];
    for (const s of suites) {
      expect(s.testcase.map((t) => t['@_name'])).toEqual(names);
      expect(s['@_tests']).toBe('8');
      expect(s.testcase.every((t) => t['@_classname'] === `touchpoint-audit.${s['@_name']}`)).toBe(
        true,
      );
    }
    expect(parsed.testsuites['@_tests']).toBe('40');
  });

  it('turns errors and warnings into failures, one per finding', () => {
    const inventory = testcase('gap', '(inventory)');
    expect(inventory?.failure?.map((f) => f['@_type'])).toEqual([
      'gap/empty-stage',
      'gap/silence',
      'gap/silence',
    ]);
    const vague = testcase('schema', 'upsell-webinar')?.failure?.[0];
    expect(vague?.['@_message']).toBe(
      'Purpose "TBD: 100%, soon" is not a sentence:\nwrite what the touchpoint achieves\r\nfor the customer',
    );
    expect(vague?.['#text']).toBe(
      'error schema/vague-purpose at touchpoints.yaml:90:14-91:9\nPurpose "TBD: 100%, soon" is not a sentence:\nwrite what the touchpoint achieves\r\nfor the customer',
    );
    expect(testcase('overlap', 'qbr')?.failure?.[0]?.['#text']).toBe(
      'warning overlap/collision at touchpoints.yaml:40:5-52:1\nqbr and renewal-reminder both land on day 360 for segment enterprise\nrelated: renewal-reminder',
    );
    expect(suite('gap')?.['@_failures']).toBe('3');
    expect(suite('ownerless')?.['@_failures']).toBe('2');
    // failures count failing test cases (JUnit convention), not <failure> elements
    expect(parsed.testsuites['@_failures']).toBe('8');
  });

  it('lists info, waived and baselined findings in system-out without failing', () => {
    const noData = testcase('gap', 'upsell-webinar');
    expect(noData?.failure).toBeUndefined();
    expect(noData?.['system-out']).toBe(
      'info gap/no-data at touchpoints.yaml:88:5\nNo rows for metric "registrations" of "upsell-webinar" in the exports',
    );
    const density = testcase('overlap', 'kickoff-call');
    expect(density?.failure).toBeUndefined();
    expect(density?.['system-out']).toContain(
      'waived (until 2027-03-31): Launch week is intentionally busy',
    );
    expect(testcase('metrics', '(inventory)')?.['system-out']).toBe(
      'warning metrics/bad-row at metrics/hubspot #2.csv:9:14-18\nValue "n/a%" in column "open_rate" is not a number\nin the baseline',
    );
    expect(suite('metrics')?.['@_failures']).toBe('0');
  });

  it('stays well-formed with hostile text and uses finding touchpoints without scores', () => {
    const report: AuditReport = {
      ...fixtureReport,
      scores: undefined,
      findings: [
        {
          rule: 'schema/invalid',
          severity: 'error',
          messageId: 'text',
          data: { text: 'bad <tag>' },
          message: 'bad <tag> & "quotes" \'apos\' \u0000\u0007 ]]> \uD800 end',
          touchpoint: 'a<b>&"c"',
          location: { file: 'x.yaml', line: 1, column: 1 },
        },
      ],
    };
    const out = parseJunit(junitReporter(report, { ...fixtureContext, rules: [] }));
    expect(out.testsuites.testsuite.map((s) => s['@_name'])).toEqual(['schema']);
    const cases = out.testsuites.testsuite[0]?.testcase ?? [];
    expect(cases.map((t) => t['@_name'])).toEqual(['a<b>&"c"', '(inventory)']);
    expect(cases[0]?.failure?.[0]?.['@_message']).toBe(
      'bad <tag> & "quotes" \'apos\' \uFFFD\uFFFD ]]> \uFFFD end',
    );
  });
});

describe('xml escaping', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d', 'a &amp; b &lt; c &gt; d'],
    ['"q" \'a\'', '"q" \'a\'', '&quot;q&quot; &apos;a&apos;'],
    ['l1\nl2\r\tx', 'l1\nl2&#13;\tx', 'l1&#10;l2&#13;&#9;x'],
    ['nul\u0000 \uFFFF', 'nul\uFFFD \uFFFD', 'nul\uFFFD \uFFFD'],
    ['pair \uD83D\uDE00', 'pair \uD83D\uDE00', 'pair \uD83D\uDE00'],
  ])('%j', (input, asText, asAttribute) => {
    expect(escapeXmlText(input)).toBe(asText);
    expect(escapeXmlAttribute(input)).toBe(asAttribute);
  });
});
