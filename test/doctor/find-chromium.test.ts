import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/doctor/find-chromium.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tp-chromium-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(relative: string, mode: number): string {
  const full = path.join(dir, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, '#!/bin/sh\n');
  chmodSync(full, mode);
  return full;
}

describe('findChromium', () => {
  const browser = file('a/chromium-browser', 0o755);
  file('b/chromium', 0o644);
  const other = file('c/chromium', 0o755);

  it('takes chromium or chromium-browser from the first PATH directory that has one', () => {
    const PATH = [path.join(dir, 'empty'), path.join(dir, 'b'), path.join(dir, 'a')].join(
      path.delimiter,
    );
    expect(findChromium({ PATH })).toEqual({ found: true, path: browser, via: 'PATH' });
    expect(findChromium({ PATH: `${path.join(dir, 'c')}${path.delimiter}${PATH}` })).toEqual({
      found: true,
      path: other,
      via: 'PATH',
    });
  });

  it('skips files that are not executable, and directories', () => {
    mkdirSync(path.join(dir, 'd/chromium'), { recursive: true });
    const PATH = [path.join(dir, 'b'), path.join(dir, 'd')].join(path.delimiter);
    expect(findChromium({ PATH })).toEqual({
      found: false,
      via: 'PATH',
      tried: ['chromium', 'chromium-browser'],
      searched: 'chromium, chromium-browser on PATH; CHROMIUM_PATH unset',
    });
  });

  it('uses CHROMIUM_PATH when set, and then nothing else', () => {
    const PATH = path.join(dir, 'a');
    expect(findChromium({ CHROMIUM_PATH: other, PATH })).toEqual({
      found: true,
      path: other,
      via: 'CHROMIUM_PATH',
    });
    expect(findChromium({ CHROMIUM_PATH: path.join(dir, 'nowhere'), PATH })).toEqual({
      found: false,
      via: 'CHROMIUM_PATH',
      tried: [path.join(dir, 'nowhere')],
      searched: `CHROMIUM_PATH=${path.join(dir, 'nowhere')} (not an executable file)`,
    });
    expect(findChromium({ CHROMIUM_PATH: '', PATH })).toMatchObject({ found: true, via: 'PATH' });
  });

  it('finds nothing on an empty or missing PATH', () => {
    expect(findChromium({})).toMatchObject({ found: false });
    expect(findChromium({ PATH: '' })).toMatchObject({ found: false });
  });
});
