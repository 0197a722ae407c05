import { describe, expect, it } from 'vitest';
import { renderFinding, renderMessage } from '../../src/rules/message.js';

describe('renderMessage', () => {
  it('fills plain placeholders with the value as text', () => {
    expect(renderMessage("stage '{{stage}}' has no touchpoint", { stage: 'adoption' })).toBe(
      "stage 'adoption' has no touchpoint",
    );
  });

  it.each([
    ['{{d|day}}', { d: 0.33611 }, '0.34'],
    ['{{d|day}}', { d: -0 }, '0'],
    ['{{d|days}}', { d: 1 }, '1 day'],
    ['{{d|days}}', { d: 90 }, '90 days'],
    ['{{l|list}}', { l: ['a', 'b', 'c'] }, 'a, b and c'],
    ['{{l|list:2}}', { l: ['a', 'b', 'c', 'd'] }, 'a, b and 2 more'],
    ['{{l|commas}}', { l: ['a', 'b'] }, 'a, b'],
    ['{{s|segments}} {{s|verb:hear}}', { s: ['smb'] }, 'smb hears'],
    ['{{s|segments}} {{s|verb:hear}}', { s: ['smb', 'enterprise'] }, 'smb and enterprise hear'],
    ['{{s|segments}} {{s|verb:get}}', { s: ['(all)'] }, 'all customers get'],
    ['{{n|count:row}}', { n: 1 }, '1 row'],
    ['{{n|count:more time}}', { n: 3 }, '3 more times'],
    ['{{n|noun:field}}', { n: ['a', 'b'] }, 'fields'],
    ['{{t|json}}', { t: 'N/A' }, '"N/A"'],
    ['{{t|cell}}', { t: 'x'.repeat(45) }, `"${'x'.repeat(40)}…"`],
    ['{{l|quoted:1}}', { l: ['a', 'b', 'c'] }, '"a", … (2 more)'],
    ['{{l|quotedOf:n}}', { l: ['a'], n: 4 }, '"a", … (3 more)'],
    ['{{y|year}}', { y: 0 }, '0000'],
    ['{{n|number}}', { n: 1_000_000 }, '1,000,000'],
    ['{{l|names}}', { l: ['smb', 'startup'] }, "'smb', 'startup'"],
    ['{{v|written}}', { v: '3x' }, "'3x'"],
    ['{{v|written}}', { v: 5 }, '5'],
    ['{{v|written}}', { v: { a: 1 } }, '{"a":1}'],
    ['{{f|else:value}}', { f: '' }, 'value'],
    ['{{f|else:value}}', { f: 'timing.at' }, 'timing.at'],
    ['{{d|uncapitalized}}', { d: 'Flow sequence' }, 'flow sequence'],
    ['{{e|subject}}', { e: 'touchpoint', id: 'welcome' }, "touchpoint 'welcome'"],
    ['{{e|subject}}', { e: 'owner', number: 2 }, 'owner #2'],
    ['{{e|subject}}', { e: 'config' }, 'the config'],
    ['{{t|jsonType}}', { t: ['array'] }, 'a list'],
    ['{{t|jsonType}}', { t: ['object'] }, 'a mapping'],
    ['{{t|jsonType}}', { t: ['string', 'number', 'null'] }, 'a string or number,null'],
    ['{{r|durationRange}}', { r: 'positive' }, 'more than 0 and at most 100y'],
    ['{{c|mib}}', { c: 16 * 1024 * 1024 }, '16'],
    ['{{o|dateOrder}}', { o: 'mdy' }, 'month-first (mdy)'],
    ['{{o|dateOrders}}', { o: ['mdy', 'ymd'] }, 'month-first (mdy) or year-first (ymd)'],
    ['{{s|percent}}', { s: 0.826 }, '83%'],
    ['{{a|missedPercent}}', { a: 0.999 }, '99%'],
    ['{{p|share:w}}', { p: 1, w: 8 }, '12.5%'],
    ['{{s|segmentAccounts}}', { s: '' }, 'accounts without a segment'],
    [
      '{{v|metricValue}}',
      { v: 0.725, metric: 'm', target: 0.9, targetText: '90%', op: '>=' },
      '72.5%',
    ],
    [
      '{{v|metricValue}}',
      { v: 0.1834, metric: 'm', target: 0.3, targetText: '>= 0.3', op: '>=' },
      '0.183',
    ],
  ])('%s with %j reads %s', (template, data, expected) => {
    expect(renderMessage(template, data)).toBe(expected);
  });

  it('renders nested messages of the same rule with each', () => {
    const messages = { row: '{{cells|each}}', cell: '{{column}} is bad' };
    const cells = [
      { messageId: 'cell', data: { column: 'value' } },
      { messageId: 'cell', data: { column: 'date' } },
    ];
    expect(renderMessage(messages.row, { cells }, messages)).toBe('value is bad; date is bad');
    expect(renderMessage('{{cells|each:, }}', { cells }, messages)).toBe(
      'value is bad, date is bad',
    );
  });

  it('throws for a key the data lacks or a format it does not know: a rule bug, not a message', () => {
    expect(() => renderMessage('{{day}}', {})).toThrow("message data has no 'day': {{day}}");
    expect(() => renderMessage('{{day|weekday}}', { day: 1 })).toThrow(
      "unknown message format 'weekday'",
    );
  });

  it('renders a finding from its rule’s template, and refuses a message id the rule lacks', () => {
    const messages = { empty: "stage '{{stage}}' has no touchpoint" };
    expect(
      renderFinding(
        { rule: 'gap/empty-stage', messageId: 'empty', data: { stage: 'x' } },
        messages,
      ),
    ).toBe("stage 'x' has no touchpoint");
    expect(() =>
      renderFinding({ rule: 'gap/empty-stage', messageId: 'nope', data: {} }, messages),
    ).toThrow("rule gap/empty-stage has no message 'nope'");
  });
});
