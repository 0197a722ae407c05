import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskToolVersion } from '../helpers/golden.js';
import { expectGolden, ROOT, runCli } from './run-cli.js';

// Measured as cli-table3 measures (its string-width), like test/e2e/terminal-width.e2e.test.ts.
const fromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const stringWidth = fromTable('string-width') as (text: string) => number;

const AUDIT = ['audit', 'examples/b2b-saas', '--as-of', '2026-11-15'];
/** The gate's line in Indonesian (--lang id). */
const FAILED = "touchpoint: gagal: 6 temuan pada tingkat 'error' atau lebih tinggi\n";

function golden(name: string): string {
  return readFileSync(path.join(ROOT, 'test/fixtures/golden', name), 'utf8');
}

describe('touchpoint audit --lang id (binary)', () => {
  it('writes the Markdown report of the example in Bahasa Indonesia (golden)', () => {
    const result = runCli([...AUDIT, '--lang', 'id', '-f', 'markdown']);
    expect(result.stderr).toBe(FAILED);
    expectGolden(result.stdout, 'audit-b2b-saas.id.md');
  });

  it('writes the terminal report of the example in Bahasa Indonesia (golden)', () => {
    const result = runCli([...AUDIT, '--lang', 'id'], { env: { COLUMNS: '100' } });
    expect(result.stderr).toBe(FAILED);
    expectGolden(result.stdout, 'audit-b2b-saas.id.txt');
  });

  it('says how each move was searched in Indonesian (--explain)', () => {
    const result = runCli([...AUDIT, '--lang', 'id', '--explain'], { env: { COLUMNS: '100' } });
    expect(result.stdout).toContain(
      [
        'Usulan pergeseran (cara masing-masing dicari)',
        "overlap/density examples/b2b-saas/touchpoints.yaml:178:5: geser 'onboarding-email-day-7' +1 hari",
        '    dari hari 21 ke hari 22 (timing.at: 8d), 1 pergeseran dicoba',
      ].join('\n'),
    );
  });

  it('writes the HTML report in Indonesian: its language, headings, findings and footer', () => {
    const html = runCli([...AUDIT, '--lang', 'id', '-f', 'html']).stdout;
    expect(html).toContain('<html lang="id">');
    expect(html).toContain(
      '<div class="grade">nilai B</div><div class="errors">6 error terbuka</div>',
    );
    expect(html).toContain('<h2 id="heatmap-title">Cakupan tahap × channel</h2>');
    expect(html).toContain('<th scope="row">Perpanjangan kontrak</th>');
    expect(html).toContain(
      '<td data-label="Temuan" class="message">smb tidak menerima sentuhan proaktif apa pun selama 69 hari, dari hari 21 sampai hari 90 (batas 45 hari)</td>',
    );
    expect(html).toContain('<h2 id="findings-title">Temuan (27 · 1 dikecualikan)</h2>');
    expect(html).toContain('<p>Input: inventaris <code>examples/b2b-saas/touchpoints.yaml</code>;');
    // The journey map: stage names, lane switch, and the printed list of marks.
    expect(html).toContain('<h2 id="journey-title">Peta journey</h2>');
    expect(html).toContain('<label for="lanes-segment">per segmen</label>');
    expect(html).toContain('<div class="jm-stage">Perpanjangan kontrak</div>');
    expect(html).toContain(
      '<li class="label-silence"><strong>sepi 69 hr</strong>: smb tidak menerima sentuhan proaktif apa pun selama 69 hari',
    );
  });

  it('keeps JSON, SARIF and CSV English and byte-identical', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-lang-'));
    const result = runCli([
      ...AUDIT,
      '--lang',
      'id',
      '-f',
      `json=${path.join(dir, 'r.json')}`,
      '-f',
      `sarif=${path.join(dir, 'a.sarif')}`,
      '-f',
      `csv=${path.join(dir, 's.csv')}`,
    ]);
    expect(result.status).toBe(1);
    expectGolden(readFileSync(path.join(dir, 'r.json'), 'utf8'), 'audit-b2b-saas.json');
    expectGolden(readFileSync(path.join(dir, 'a.sarif'), 'utf8'), 'audit-b2b-saas.sarif');
    expectGolden(readFileSync(path.join(dir, 's.csv'), 'utf8'), 'audit-b2b-saas.csv');
  });

  it('defaults to Indonesian when LANG says id, and --lang en wins over it', () => {
    const indonesian = runCli([...AUDIT, '-f', 'markdown'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(maskToolVersion(indonesian.stdout)).toBe(golden('audit-b2b-saas.id.md'));
    const english = runCli([...AUDIT, '-f', 'markdown', '--lang', 'en'], {
      env: { LC_ALL: 'id_ID.UTF-8' },
    });
    expect(english.stdout.split('\n')[0]).toBe(
      '# Touchpoint audit: Northwind Analytics — B2B customer touchpoints',
    );
  });

  it('writes the GitHub job summary in Indonesian, the annotations in English', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-lang-'));
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, '');
    const result = runCli([...AUDIT, '--lang', 'id', '-f', 'github'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expectGolden(result.stdout, 'audit-b2b-saas.github.txt');
    const lines = readFileSync(summary, 'utf8').split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '## Audit touchpoint: Northwind Analytics — B2B customer touchpoints',
      '',
      'Dinilai per 15 November 2026, periode 18 Agustus 2026 s.d. 15 November 2026 (90 hari).',
      '',
      '**Skor 89,1/100, nilai B, 6 error terbuka** · cakupan dokumentasi 87,9% · cakupan data 84,8%',
    ]);
    expect(lines).toContain('### Temuan yang perlu ditindaklanjuti (27)');
  });

  it('words the gate, the stale baseline and its own usage errors in Indonesian; English stays', () => {
    const gate = runCli([...AUDIT, '--min-score', '95', '--fail-any-under', '60'], {
      env: { LANG: 'id_ID.UTF-8' },
    });
    expect(gate.status).toBe(1);
    expect(gate.stderr).toBe(
      "touchpoint: gagal: 6 temuan pada tingkat 'error' atau lebih tinggi; skor inventaris 89,1 di bawah --min-score 95; 2 touchpoint di bawah --fail-any-under 60: case-study-request (50,0), community-forum (50,0)\n",
    );
    expect(runCli([...AUDIT, '--min-score', '95']).stderr).toBe(
      "touchpoint: failed: 6 findings at or above 'error'; inventory score 89.1 is below --min-score 95\n",
    );
    const usage = runCli([...AUDIT, '-f', 'table', '-f', 'markdown', '--lang', 'id']);
    expect([usage.status, usage.stderr]).toEqual([
      2,
      'touchpoint: hanya satu format yang bisa ditulis ke stdout; pakai -f FORMAT=FILE untuk yang lain\n',
    ]);
    const unknown = runCli(['explain', 'overlap/colision'], { env: { LC_ALL: 'id_ID.UTF-8' } });
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      "touchpoint: rule 'overlap/colision' tidak dikenal — maksudnya 'overlap/collision'? (lihat daftarnya dengan touchpoint rules)\n",
    ]);
    expect(runCli(['explain', 'overlap/colision', '--lang=en']).stderr).toBe(
      "touchpoint: unknown rule 'overlap/colision' — did you mean 'overlap/collision'? (touchpoint rules lists them)\n",
    );
  });

  it('writes --help in Indonesian for --lang id or the locale environment, English otherwise', () => {
    const help = runCli(['audit', '--help', '--lang', 'id']);
    expect(help.status).toBe(0);
    const lines = help.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Cara pakai: touchpoint audit [opsi] [inventory...]',
      '',
      'semuanya: temuan dan skor',
      '',
      'Argumen:',
    ]);
    expect(help.stdout).toContain('gagal bila skor inventaris di bawah n');
    expect(help.stdout).toContain('  -h, --help');
    const top = runCli(['--help'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(top.stdout).toContain(
      'Kode exit: 0 lolos, 1 temuan atau skor tidak lolos gate, 2 tool tidak bisa berjalan.',
    );
    expect(top.stdout).toContain('Perintah:');
    const english = runCli(['audit', '--help']);
    expect(english.stdout.split('\n').slice(0, 3)).toEqual([
      'Usage: touchpoint audit [options] [inventory...]',
      '',
      'everything: findings and scores',
    ]);
    expect(english.stdout).toContain('fail when the inventory score is below n');
  });

  it("names the config's lang: in --lang's help only for the commands that read it", () => {
    // The option's help as one line, however the help is wrapped.
    const help = (command: string) => {
      const text = runCli([command, '--help']).stdout.replace(/\s+/g, ' ');
      return text.slice(text.indexOf('--lang <lang>'), text.indexOf('--lang <lang>') + 160);
    };
    for (const command of ['audit', 'validate', 'scorecard', 'sources']) {
      expect(help(command), command).toContain('default: lang: in the config, else id when');
    }
    for (const command of ['init', 'doctor', 'rules', 'explain', 'diff']) {
      expect(help(command), command).toContain(
        'default: id when LC_ALL/LC_MESSAGES/LANG say id, else en',
      );
    }
  });

  it('reads lang: from the config, and --lang refuses a language it does not have', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-lang-'));
    const config = path.join(dir, 'touchpoint.config.yaml');
    writeFileSync(config, 'lang: id\n');
    const result = runCli([...AUDIT, '-c', config, '-f', 'markdown']);
    expect(result.stdout.split('\n')[0]).toBe(
      '# Audit touchpoint: Northwind Analytics — B2B customer touchpoints',
    );
    const refused = runCli([...AUDIT, '--lang', 'fr']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("error: option '--lang <lang>' argument 'fr' is invalid");
  });
});

describe('touchpoint explain and rules --lang id (binary)', () => {
  it('explains a rule in Indonesian, its config line unchanged', () => {
    const result = runCli(['explain', 'ownerless/missing-owner', '--lang', 'id']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'ownerless/missing-owner (tingkat bawaan: error)',
        '',
        'Apa yang diperiksa',
        '  Sebuah touchpoint tidak punya `owner`.',
        '',
        'Mengapa ini penting',
        '  Touchpoint tanpa pemilik adalah touchpoint yang tidak diperbaiki siapa pun: ketika rusak atau',
        '  berhenti berjalan, tidak ada yang bertanggung jawab untuk menyadarinya.',
        '',
        'Cara memperbaikinya',
        '  Tambahkan `owner:` berisi id tim atau orang dari daftar `owners:`.',
        '',
        'Pesan (temuan di JSON dan SARIF membawa id pesan dan data yang mengisi templatnya; templat bahasa',
        'Inggrisnya ada di touchpoint explain --lang en)',
        "  missing: '{{touchpoint}}' belum punya owner",
        '',
        'Ubah tingkatnya (atau matikan aturannya) di touchpoint.config.yaml:',
        '  rules: { ownerless/missing-owner: warning }',
        '',
      ].join('\n'),
    );
  });

  it('lists the rules in Indonesian, and both fit 80 columns', () => {
    const rules = runCli(['rules', '--lang', 'id'], { env: { COLUMNS: '80' } });
    const lines = rules.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^│ Aturan +│ Tingkat +│ Yang ditemukan +│$/);
    expect(rules.stdout).toContain('│ overlap/collision           │ peringatan │');
    const explained = ['gap/silence', 'overlap/density', 'metrics/ambiguous-number'].map(
      (rule) => runCli(['explain', rule, '--lang', 'id'], { env: { COLUMNS: '80' } }).stdout,
    );
    for (const line of [...lines, ...explained.join('\n').split('\n')])
      expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });
});
