import { cpSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AGGREGATE_COLUMNS } from '../../src/events/aggregate-csv.js';
import { fakeIo, ROOT } from '../helpers/fake-io.js';

/** A copy of examples/b2b-saas with broken configs, baselines and reports beside it. */
function project(): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'tp-error-words-')));
  cpSync(path.join(ROOT, 'examples/b2b-saas'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'unknown-key.yaml'), 'unknwn: 1\n');
  writeFileSync(path.join(dir, 'bad-as-of.yaml'), 'asOf: 2026-02-30\n');
  writeFileSync(
    path.join(dir, 'bad-source.yaml'),
    'sources:\n  - match: x.csv\n    metrics:\n      - metric: a\n      - metric: b\n        value: v\n        ratio: { numerator: a, denominator: b }\n',
  );
  writeFileSync(path.join(dir, 'baseline.json'), '{"version": 2, "entries": []}\n');
  writeFileSync(path.join(dir, 'report.json'), '{}\n');
  writeFileSync(path.join(dir, 'events.parquet'), '');
  mkdirSync(path.join(dir, 'a-directory'));
  // Event logs and accounts files the readers refuse.
  writeFileSync(path.join(dir, 'empty-events.csv'), '');
  writeFileSync(path.join(dir, 'wrong-events.csv'), 'a,b\n1,2\n');
  writeFileSync(
    path.join(dir, 'events.csv'),
    'account_id,touchpoint_id,timestamp\nacc-1,welcome-email,2026-01-05\n',
  );
  writeFileSync(path.join(dir, 'accounts-bad.csv'), 'x,y\n1,2\n');
  const aggregateHeader = AGGREGATE_COLUMNS.join(',');
  writeFileSync(
    path.join(dir, 'aggregate.csv'),
    `${aggregateHeader}\nbogus${','.repeat(AGGREGATE_COLUMNS.length - 1)}\n`,
  );
  return dir;
}

async function run(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; err: string }> {
  const io = Object.assign(fakeIo(env), { cwd });
  const code = await main(['node', 'touchpoint', ...args], io);
  // Run in-process from another directory, the CLI names some files by their absolute path.
  return { code, err: io.err.replaceAll(`${cwd}/`, '') };
}

/** Each kind of error about a file or the config, as one line (or an invalid file's lines). */
const CASES: { args: string[]; env?: Record<string, string>; en: string; id: string }[] = [
  {
    args: ['audit', '--events', 'empty-events.csv'],
    en: 'empty-events.csv: not a CSV event log (the file is empty)',
    id: 'empty-events.csv: bukan log event berformat CSV (file-nya kosong)',
  },
  {
    args: ['audit', '--events', 'events.csv', '--accounts', 'empty-events.csv'],
    en: 'empty-events.csv: not a CSV accounts file (the file is empty)',
    id: 'empty-events.csv: bukan file akun berformat CSV (file-nya kosong)',
  },
  {
    args: ['audit', '--events', 'wrong-events.csv'],
    en: 'wrong-events.csv:1: an event log needs the columns account_id, touchpoint_id, timestamp[, segment] (map others with events: in the config); missing account_id, touchpoint_id, timestamp; found a, b',
    id: 'wrong-events.csv:1: log event butuh kolom account_id, touchpoint_id, timestamp[, segment] (petakan kolom lain lewat events: di konfigurasi); yang kurang: account_id, touchpoint_id, timestamp; yang ada: a, b',
  },
  {
    args: ['audit', '--events', 'events.csv', '--accounts', 'accounts-bad.csv'],
    en: 'accounts-bad.csv:1: an accounts file needs the column account_id (map another with events.accounts.account in the config); found x, y',
    id: 'accounts-bad.csv:1: file akun butuh kolom account_id (petakan kolom lain lewat events.accounts.account di konfigurasi); yang ada: x, y',
  },
  {
    args: ['audit', '--events', 'aggregate.csv'],
    en: "aggregate.csv: row 2: kind 'bogus' is not one of window, account, received, unplanned, collision",
    id: "aggregate.csv: baris 2: kind 'bogus' bukan salah satu dari window, account, received, unplanned, collision",
  },
  {
    args: ['validate', 'missing.yaml'],
    en: 'missing.yaml: no such file or directory',
    id: 'missing.yaml: file atau direktori itu tidak ada',
  },
  {
    args: ['audit', '-m', 'nothing-*.csv'],
    en: 'nothing-*.csv: matches no metric exports (*.csv)',
    id: 'nothing-*.csv: tidak ada ekspor metrik (*.csv) yang cocok',
  },
  {
    args: ['validate', '-c', 'none.yaml'],
    en: 'none.yaml: cannot read the config file (ENOENT)',
    id: 'none.yaml: file konfigurasi tidak bisa dibaca (ENOENT)',
  },
  {
    args: ['validate', '-c', 'a-directory'],
    en: 'a-directory: the config file is a directory, not a regular file',
    id: 'a-directory: file konfigurasi ini berupa direktori, bukan file biasa',
  },
  {
    args: ['validate', '-c', 'unknown-key.yaml'],
    en: "invalid config\nunknown-key.yaml:1:1: unknown key 'unknwn' in the config (custom data goes under meta:)",
    id: "konfigurasi tidak valid\nunknown-key.yaml:1:1: key 'unknwn' tidak dikenal di konfigurasi (data tambahan diletakkan di bawah meta:)",
  },
  {
    args: ['validate', '-c', 'bad-as-of.yaml'],
    en: 'invalid config\nbad-as-of.yaml:1:7: asOf "2026-02-30" is not a calendar date (YYYY-MM-DD)',
    id: 'konfigurasi tidak valid\nbad-as-of.yaml:1:7: asOf "2026-02-30" bukan tanggal kalender (YYYY-MM-DD)',
  },
  {
    args: ['validate', '-c', 'bad-source.yaml'],
    en: 'invalid config\nbad-source.yaml:4:9: a metric needs one of value, ratio or aggregate\nbad-source.yaml:5:9: a metric takes one of value, ratio or aggregate, not value and ratio',
    id: 'konfigurasi tidak valid\nbad-source.yaml:4:9: sebuah metrik perlu salah satu dari value, ratio atau aggregate\nbad-source.yaml:5:9: sebuah metrik hanya menerima salah satu dari value, ratio atau aggregate, bukan value dan ratio',
  },
  {
    args: ['audit', '--baseline', 'baseline.json'],
    en: 'baseline.json: not a valid baseline: unsupported version 2 (expected 1)',
    id: 'baseline.json: bukan baseline yang valid: versi 2 tidak didukung (seharusnya 1)',
  },
  {
    args: ['audit', '--compare', 'report.json'],
    en: "report.json: the previous report is not a JSON report this version of touchpoint-audit reads (at /: must have required property 'version'); write it with touchpoint audit -f json",
    id: "report.json: laporan sebelumnya ini bukan laporan JSON yang bisa dibaca versi touchpoint-audit ini (di /: must have required property 'version'); buat dengan touchpoint audit -f json",
  },
  {
    args: ['audit', '-f', 'json=nowhere/report.json'],
    en: 'nowhere/report.json: cannot write the file: directory nowhere does not exist',
    id: 'nowhere/report.json: file tidak bisa ditulis: direktori nowhere tidak ada',
  },
  {
    args: ['audit', '-f', 'json=touchpoints.yaml'],
    en: 'touchpoints.yaml: this output would overwrite the input touchpoints.yaml (inventory file); write the report somewhere else',
    id: 'touchpoints.yaml: output ini akan menimpa input touchpoints.yaml (file inventaris); tulis laporannya di tempat lain',
  },
  {
    args: ['audit', '--events', 'events.parquet'],
    en: 'events.parquet: Parquet event logs are read by the DuckDB engine; add --engine duckdb',
    id: 'events.parquet: log event Parquet dibaca oleh engine DuckDB; tambahkan --engine duckdb',
  },
  {
    args: ['validate'],
    env: { TOUCHPOINT_MAX_INPUT_MB: 'abc' },
    en: 'TOUCHPOINT_MAX_INPUT_MB is "abc": give a positive number of MiB',
    id: 'TOUCHPOINT_MAX_INPUT_MB bernilai "abc": isi dengan jumlah MiB yang lebih dari 0',
  },
  {
    args: ['audit', '-m', 'touchpoints.yaml'],
    en: 'touchpoints.yaml is not a metric table (a YAML or JSON file): -m takes CSV exports; inventories are given without -m',
    id: 'touchpoints.yaml bukan tabel metrik (ini file YAML atau JSON): -m menerima ekspor CSV; inventaris diberikan tanpa -m',
  },
];

describe("errors about a file or the config, in the run's language (exit 2)", () => {
  const dir = project();

  it.each(CASES)('$args: English', async ({ args, env, en }) => {
    expect(await run(dir, args, env)).toEqual({ code: 2, err: `touchpoint: ${en}\n` });
  });

  it.each(CASES)('$args: Bahasa Indonesia (--lang id)', async ({ args, env, id }) => {
    expect(await run(dir, [...args, '--lang', 'id'], env)).toEqual({
      code: 2,
      err: `touchpoint: ${id}\n`,
    });
  });

  it('follows the locale environment, and --lang en wins over it', async () => {
    const id = await run(dir, ['validate', 'missing.yaml'], { LANG: 'id_ID.UTF-8' });
    expect(id.err).toBe('touchpoint: missing.yaml: file atau direktori itu tidak ada\n');
    const en = await run(dir, ['validate', 'missing.yaml', '--lang', 'en'], {
      LANG: 'id_ID.UTF-8',
    });
    expect(en.err).toBe('touchpoint: missing.yaml: no such file or directory\n');
  });

  it('doctor shows a file it cannot use as the run would say it, in the language', async () => {
    const io = Object.assign(fakeIo({}), { cwd: dir });
    await main(
      [
        'node',
        'touchpoint',
        'doctor',
        '-c',
        'unknown-key.yaml',
        '-m',
        'nothing-*.csv',
        '--lang',
        'id',
      ],
      io,
    );
    const out = io.out.replaceAll(`${dir}/`, '');
    expect(out).toContain(
      [
        'konfigurasi:  unknown-key.yaml (dari -c): tidak bisa dipakai',
        '              konfigurasi tidak valid',
        "              unknown-key.yaml:1:1: key 'unknwn' tidak dikenal di konfigurasi (data tambahan",
      ].join('\n'),
    );
    expect(out).toContain(
      'metrik:       nothing-*.csv: tidak ada ekspor metrik (*.csv) yang cocok\n',
    );
  });
});
