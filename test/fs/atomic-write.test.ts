import { chmod, mkdir, mkdtemp, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { cleanupPendingWrites, writeFileAtomic } from '../../src/fs/atomic-write.js';
import { PIECE_LENGTH } from '../../src/fs/text-pieces.js';

/** `count` chunks of mixed scripts, line breaks and astral characters. */
function* manyChunks(count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield `${i}: é 中文 😀\n\u0000 "${'x'.repeat(i % 50)}"\n`;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tp-atomic-'));
});

describe('writeFileAtomic', () => {
  it('creates a new file with the given text and leaves no temp file', async () => {
    const file = join(dir, 'report.sarif');
    await writeFileAtomic(file, 'hello\n');
    expect(await readFile(file, 'utf8')).toBe('hello\n');
    expect(await readdir(dir)).toEqual(['report.sarif']);
  });

  it('writes bytes', async () => {
    const file = join(dir, 'data.bin');
    await writeFileAtomic(file, new Uint8Array([0, 1, 2, 255]));
    expect([...(await readFile(file))]).toEqual([0, 1, 2, 255]);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const file = join(dir, 'scorecard.csv');
    await writeFile(file, 'old');
    await chmod(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['scorecard.csv']);
  });

  it('rejects when the directory does not exist, leaving nothing behind', async () => {
    const file = join(dir, 'missing', 'out.json');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the temp file and keeps the old file when the rename fails', async () => {
    // Renaming a file over a non-empty directory fails after the temp file was written.
    const target = join(dir, 'out');
    await writeFile(`${target}-sibling`, 'keep');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toHaveProperty('code');
    expect((await readdir(dir)).sort()).toEqual(['out', 'out-sibling']);
    expect(await readdir(target)).toEqual(['child']);
  });

  it('writes text in pieces, longer together than one write, byte for byte', async () => {
    const file = join(dir, 'report.json');
    const expected = [...manyChunks(100_000)].join('');
    expect(expected.length).toBeGreaterThan(3 * PIECE_LENGTH);
    await writeFileAtomic(file, manyChunks(100_000));
    expect(await readFile(file, 'utf8')).toBe(expected);
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('keeps the old file and leaves no temp file when producing a piece fails', async () => {
    const file = join(dir, 'report.json');
    await writeFile(file, 'old');
    function* failing(): Generator<string> {
      yield* manyChunks(100_000);
      throw new TypeError('a reporter failed');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('a reporter failed');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('writes text in pieces through a path that is not replaced (/proc/self/fd), appending', async () => {
    const file = join(dir, 'log.txt');
    await writeFile(file, 'before\n');
    const handle = await open(file, 'r');
    try {
      await writeFileAtomic(`/proc/self/fd/${handle.fd}`, manyChunks(50_000));
    } finally {
      await handle.close();
    }
    expect(await readFile(file, 'utf8')).toBe(`before\n${[...manyChunks(50_000)].join('')}`);
    expect(await readdir(dir)).toEqual(['log.txt']);
  });

  it('cleanupPendingWrites is a no-op when nothing is in flight', async () => {
    await writeFileAtomic(join(dir, 'a.txt'), 'a');
    cleanupPendingWrites();
    expect(await readdir(dir)).toEqual(['a.txt']);
  });
});
