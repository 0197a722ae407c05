import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { UI_EN } from '../../src/i18n/ui-en.js';
import {
  inputError,
  NOUNS,
  termIn,
  withLines,
  wordedInputError,
  wording,
  wordingIn,
} from '../../src/i18n/worded-error.js';

describe('errors worded from UI strings', () => {
  it('each noun code names an input by is its own English UI string', () => {
    for (const [noun, key] of Object.entries(NOUNS)) expect(UI_EN[key], key).toBe(noun);
  });

  it('an error keeps its English message (no new property to compare or print)', () => {
    const error = inputError(
      'err.cannotRead',
      { file: 'c.yaml', code: 'ENOENT' },
      { what: 'config file' },
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('c.yaml: cannot read the config file (ENOENT)');
    expect(error).toEqual(new InputError('c.yaml: cannot read the config file (ENOENT)'));
    expect(Object.keys(error)).toEqual(Object.keys(new InputError('')));
    expect(error.wording && wordingIn('id', error.wording)).toBe(
      'c.yaml: file konfigurasi tidak bisa dibaca (ENOENT)',
    );
  });

  it('words nouns, nested wordings and lines in the language; an unknown noun stays as it is', () => {
    expect(termIn('id', 'metric exports (*.csv)')).toBe('ekspor metrik (*.csv)');
    expect(termIn('id', 'a thing nobody listed')).toBe('a thing nobody listed');
    expect(termIn('id', wording('noun.waiversFileIn', { file: 'ci.yaml' }))).toBe(
      'file waivers yang disebut di ci.yaml',
    );
    const error = wordedInputError(
      withLines(wording('err.invalidConfig'), [
        wording(
          'err.at',
          { file: 'c.yaml', line: 4, column: 9 },
          {
            problem: wording(
              'err.metricOneReading',
              {},
              { given: wording('err.threeKeys', { a: 'value', b: 'ratio', c: 'aggregate' }) },
            ),
          },
        ),
      ]),
    );
    expect(error.message).toBe(
      'invalid config\nc.yaml:4:9: a metric takes one of value, ratio or aggregate, not value and ratio and aggregate',
    );
    expect(error.wording && wordingIn('id', error.wording)).toBe(
      'konfigurasi tidak valid\nc.yaml:4:9: sebuah metrik hanya menerima salah satu dari value, ratio atau aggregate, bukan value, ratio dan aggregate',
    );
  });

  it('writes numbers the language’s way', () => {
    const error = inputError('err.tooLarge', { file: '-', mib: 0.5 }, { what: 'standard input' });
    expect(error.message).toBe(
      '-: the standard input is larger than 0.5 MiB, the limit for one input (set TOUCHPOINT_MAX_INPUT_MB to raise it)',
    );
    expect(error.wording && wordingIn('id', error.wording)).toBe(
      '-: input standar lebih besar dari 0,5 MiB, batas untuk satu input (naikkan batasnya dengan TOUCHPOINT_MAX_INPUT_MB)',
    );
  });
});
