import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-11-15', '--fail-on', 'never'];
const BIN = path.join(ROOT, 'bin/touchpoint.js');

/** A fresh copy of the b2b-saas example (inventory, config, metrics). */
function copyExample(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tp-outputs-')), 'b2b-saas');
  cpSync(path.join(ROOT, 'examples/b2b-saas'), dir, { recursive: true });
  return dir;
}

/** Every file below `dir` with its bytes, to prove that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const info = lstatSync(file);
    if (info.isSymbolicLink()) out[path.relative(dir, file)] = `-> ${file}`;
    else if (info.isFile()) out[path.relative(dir, file)] = readFileSync(file, 'utf8');
  }
  return out;
}

describe('an output path that is also an input is refused before anything is written', () => {
  const cases: { name: string; args: string[]; clash: string; setup?: (dir: string) => void }[] = [
    {
      name: '-o the inventory',
      args: ['audit', 'touchpoints.yaml', '-f', 'json', '-o', 'touchpoints.yaml'],
      clash: 'touchpoints.yaml',
    },
    {
      name: '--write-baseline the inventory',
      args: ['audit', 'touchpoints.yaml', '--write-baseline', 'touchpoints.yaml'],
      clash: 'touchpoints.yaml',
    },
    {
      name: '-f csv= a metric export named with -m',
      args: ['audit', '-m', 'metrics/survey.csv', '-f', 'csv=metrics/survey.csv'],
      clash: 'metrics/survey.csv',
    },
    {
      name: 'a metric export found by the default metrics/ folder',
      args: ['audit', '-f', 'csv=metrics/crm-export.csv'],
      clash: 'metrics/crm-export.csv',
    },
    {
      name: 'the config found beside the inventory',
      args: ['validate', '-f', 'json=touchpoint.config.yaml'],
      clash: 'touchpoint.config.yaml',
    },
    {
      name: 'the config named with -c',
      args: ['validate', '-c', 'touchpoint.config.yaml', '-o', './touchpoint.config.yaml'],
      clash: './touchpoint.config.yaml',
    },
    {
      name: '--baseline b.json -o b.json',
      args: ['audit', '--baseline', 'b.json', '-f', 'json', '-o', 'b.json'],
      clash: 'b.json',
      setup: (dir) => {
        writeFileSync(
          path.join(dir, 'b.json'),
          '{"version":1,"tool":"touchpoint-audit","entries":[]}\n',
        );
      },
    },
    {
      name: 'a path with ..',
      args: ['audit', '-f', 'json', '-o', 'metrics/../touchpoints.yaml'],
      clash: 'metrics/../touchpoints.yaml',
    },
    {
      name: 'a symlink to the inventory',
      args: ['audit', '-f', 'sarif=link.sarif'],
      clash: 'link.sarif',
      setup: (dir) => {
        symlinkSync('touchpoints.yaml', path.join(dir, 'link.sarif'));
      },
    },
    {
      name: 'a hard link to the inventory (same inode)',
      args: ['audit', '-f', 'html=report.html'],
      clash: 'report.html',
      setup: (dir) => {
        linkSync(path.join(dir, 'touchpoints.yaml'), path.join(dir, 'report.html'));
      },
    },
    {
      name: 'the inventory found in a directory argument',
      args: ['validate', '.', '-f', 'json=touchpoints.yaml'],
      clash: 'touchpoints.yaml',
    },
    {
      name: 'the waivers file named in the config',
      args: ['audit', '-f', 'markdown=waivers.yaml'],
      clash: 'waivers.yaml',
      setup: (dir) => {
        writeFileSync(path.join(dir, 'waivers.yaml'), 'waivers: []\n');
        writeFileSync(path.join(dir, 'touchpoint.config.yaml'), 'waivers: waivers.yaml\n');
      },
    },
  ];

  for (const { name, args, clash, setup } of cases) {
    it(name, () => {
      const dir = copyExample();
      setup?.(dir);
      const before = snapshot(dir);
      const result = runCli([...args, ...AS_OF], { cwd: dir });
      expect(result.stderr).toMatch(
        new RegExp(
          `^touchpoint: ${clash.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: this output would overwrite the input .+\n$`,
        ),
      );
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('--baseline b.json --write-baseline b.json refreshes the baseline in place', () => {
    const dir = copyExample();
    writeFileSync(
      path.join(dir, 'b.json'),
      '{"version":1,"tool":"touchpoint-audit","entries":[]}\n',
    );
    const result = runCli(
      ['audit', '--baseline', 'b.json', '--write-baseline', 'b.json', ...AS_OF],
      {
        cwd: dir,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'b.json'), 'utf8')) as {
      entries: unknown[];
    };
    expect(written.entries.length).toBeGreaterThan(0);
  });
});

describe('outputs that are not regular files', () => {
  it('a symlink is followed: its target is replaced, the link stays a link', () => {
    const dir = copyExample();
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports/audit.json'), 'old');
    symlinkSync('reports/audit.json', path.join(dir, 'latest.json'));
    const result = runCli(['audit', '-f', 'json', '-o', 'latest.json', ...AS_OF], { cwd: dir });
    expect(result.status).toBe(0);
    expect(lstatSync(path.join(dir, 'latest.json')).isSymbolicLink()).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8')) as {
      version: number;
    };
    expect(report.version).toBe(1);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['audit.json']);
  });

  it('a character device is written through and stays a device', () => {
    const dir = copyExample();
    const device = path.join(dir, 'null');
    // As root a private /dev/null stand-in can be made; elsewhere the real one serves.
    const made = spawnSync('mknod', [device, 'c', '1', '3']).status === 0;
    const target = made ? device : '/dev/null';
    const result = runCli(['audit', '-f', 'json', '-o', target, ...AS_OF], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(statSync(target).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a FIFO is written through to its reader and stays a FIFO', async () => {
    const dir = copyExample();
    const fifo = path.join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (read += chunk));
    const readerDone = new Promise<void>((resolve) =>
      reader.on('close', () => {
        resolve();
      }),
    );
    const writer = spawn(process.execPath, [BIN, 'audit', '-f', 'json', '-o', fifo, ...AS_OF], {
      cwd: dir,
    });
    const status = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        writer.kill('SIGKILL');
        reader.kill('SIGKILL');
      }, 20_000);
      writer.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    await readerDone;
    expect(status).toBe(0);
    expect((JSON.parse(read) as { version: number }).version).toBe(1);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('-o /dev/stdout prints the report and leaves /dev/stdout alone', () => {
    const before = lstatSync('/dev/stdout');
    const result = runCli(['audit', '-f', 'json', '-o', '/dev/stdout', ...AS_OF], {
      cwd: path.join(ROOT, 'examples/b2b-saas'),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { version: number }).version).toBe(1);
    const after = lstatSync('/dev/stdout');
    expect(after.isSymbolicLink()).toBe(before.isSymbolicLink());
    expect(after.ino).toBe(before.ino);
  });
});
