import { describe, expect, it } from 'vitest';

import { visibleStrings, visibleText } from '../../src/text/visible-text.js';

describe('visibleText', () => {
  it.each([
    ['plain text, ünïcödé, 日本語, emoji 👍🏽', 'plain text, ünïcödé, 日本語, emoji 👍🏽'],
    ['\u001b]0;owned\u0007', '\\x1b]0;owned\\x07'],
    ['\u001b[2K\u001b[1Aerased', '\\x1b[2K\\x1b[1Aerased'],
    ['\u001b]8;;http://evil\u001b\\link', '\\x1b]8;;http://evil\\x1b\\link'],
    ['nul\u0000 del\u007f', 'nul\\x00 del\\x7f'],
    ['c1 csi \u009b31m osc \u009d', 'c1 csi \\x9b31m osc \\x9d'],
    [
      'bidi \u202eexe.txt\u202c \u2066iso\u2069 \u200f\u061c',
      'bidi \\u{202e}exe.txt\\u{202c} \\u{2066}iso\\u{2069} \\u{200f}\\u{61c}',
    ],
    ['separators \u2028\u2029', 'separators \\u{2028}\\u{2029}'],
    ['tab\tcr\rlf\ncrlf\r\n', 'tab\\x09cr\\x0dlf\\x0acrlf\\x0d\\x0a'],
  ])('escapes %j on one line', (input, expected) => {
    expect(visibleText(input)).toBe(expected);
  });

  it('keeps LF and CRLF as LF with `keep`, still escaping a lone CR and tabs', () => {
    expect(visibleText('a\nb\r\nc\rd\te\u001b', 'keep')).toBe('a\nb\nc\\x0dd\\x09e\\x1b');
  });
});

describe('visibleStrings', () => {
  it('escapes every string of plain data, keys included, and keeps the rest', () => {
    const input = {
      name: 'x\u001b[31m',
      list: ['a\u0007', 3, null, undefined, true],
      nested: { 'k\u001b': { deep: '\u202e' } },
    };
    expect(visibleStrings(input)).toEqual({
      name: 'x\\x1b[31m',
      list: ['a\\x07', 3, null, undefined, true],
      nested: { 'k\\x1b': { deep: '\\u{202e}' } },
    });
    expect(input.name).toBe('x\u001b[31m');
  });

  it('keeps a __proto__ key as an own key and never as the prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "\\u001b"}}') as Record<string, unknown>;
    const output = visibleStrings(input);
    expect(Object.hasOwn(output, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({
      polluted: '\\x1b',
    });
    expect((output as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
