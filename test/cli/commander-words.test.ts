import { describe, expect, it } from 'vitest';
import { commanderErrorText } from '../../src/cli/commander-words.js';
import { main } from '../../src/cli/main.js';
import { createLocale } from '../../src/i18n/locale.js';
import { fakeIo } from '../helpers/fake-io.js';

/** Runs the CLI in-process; commander's own messages are what it writes to stderr. */
async function run(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(env);
  const code = await main(['node', 'touchpoint', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** Each kind of parse error commander reports, as the CLI meets it, in English and Indonesian. */
const CASES: { args: string[]; en: string; id: string }[] = [
  {
    args: ['audit', '--bogus'],
    en: "error: unknown option '--bogus'",
    id: "error: opsi '--bogus' tidak dikenal",
  },
  {
    args: ['audit', '--formt', 'json'],
    en: "error: unknown option '--formt'\n(Did you mean --format?)",
    id: "error: opsi '--formt' tidak dikenal\n(Maksudnya --format?)",
  },
  {
    args: ['audt'],
    en: "error: unknown command 'audt'\n(Did you mean audit?)",
    id: "error: perintah 'audt' tidak dikenal\n(Maksudnya audit?)",
  },
  {
    args: ['scorecrd'],
    en: "error: unknown command 'scorecrd'\n(Did you mean scorecard?)",
    id: "error: perintah 'scorecrd' tidak dikenal\n(Maksudnya scorecard?)",
  },
  {
    args: ['explain'],
    en: "error: missing required argument 'rule'",
    id: "error: argumen wajib 'rule' belum diberikan",
  },
  {
    args: ['audit', '--baseline'],
    en: "error: option '--baseline <file>' argument missing",
    id: "error: opsi '--baseline <file>' belum diberi nilai",
  },
  {
    args: ['sql'],
    en: "error: required option '--dialect <dialect>' not specified",
    id: "error: opsi wajib '--dialect <dialect>' belum diberikan",
  },
  {
    args: ['rules', 'extra'],
    en: "error: too many arguments for 'rules'. Expected 0 arguments but got 1.",
    id: "error: argumen untuk 'rules' terlalu banyak: seharusnya 0, diberikan 1.",
  },
  {
    args: ['explain', 'a', 'b'],
    en: "error: too many arguments for 'explain'. Expected 1 argument but got 2.",
    id: "error: argumen untuk 'explain' terlalu banyak: seharusnya 1, diberikan 2.",
  },
  {
    args: ['audit', '--engine', 'spark'],
    en: "error: option '--engine <engine>' argument 'spark' is invalid. Allowed choices are streaming, duckdb.",
    id: "error: nilai 'spark' untuk opsi '--engine <engine>' tidak valid. Pilihan yang tersedia: streaming, duckdb.",
  },
  {
    args: ['audit', '-f', 'xml'],
    en: "error: option '-f, --format <format[=file]>' argument 'xml' is invalid. unknown format 'xml' (choose from table, json, csv, markdown, html, sarif, junit, github)",
    id: "error: nilai 'xml' untuk opsi '-f, --format <format[=file]>' tidak valid. Format 'xml' tidak dikenal (pilih salah satu: table, json, csv, markdown, html, sarif, junit, github)",
  },
  {
    args: ['audit', '--max-warnings', 'x'],
    en: "error: option '--max-warnings <n>' argument 'x' is invalid. expected a whole number, 0 or more",
    id: "error: nilai 'x' untuk opsi '--max-warnings <n>' tidak valid. Harus bilangan bulat, 0 atau lebih",
  },
  {
    args: ['scorecard', '--min-score', '101'],
    en: "error: option '--min-score <n>' argument '101' is invalid. expected a score from 0 to 100",
    id: "error: nilai '101' untuk opsi '--min-score <n>' tidak valid. Harus skor dari 0 sampai 100",
  },
  {
    args: ['audit', '--as-of', '2026-02-30'],
    en: "error: option '--as-of <date>' argument '2026-02-30' is invalid. expected a date as YYYY-MM-DD",
    id: "error: nilai '2026-02-30' untuk opsi '--as-of <date>' tidak valid. Harus tanggal berformat YYYY-MM-DD",
  },
];

describe("commander's parse errors in the run's language", () => {
  it.each(CASES)('$args.0 $args.1: English as commander words it', async ({ args, en }) => {
    const result = await run(args);
    expect([result.code, result.err]).toEqual([2, `${en}\n(run touchpoint --help for usage)\n`]);
  });

  it.each(CASES)('$args.0 $args.1: Bahasa Indonesia (LANG=id_ID.UTF-8)', async ({ args, id }) => {
    const result = await run(args, { LANG: 'id_ID.UTF-8' });
    expect([result.code, result.err]).toEqual([
      2,
      `${id}\n(jalankan touchpoint --help untuk cara pakai)\n`,
    ]);
  });

  it('follows --lang id, and --lang en wins over the locale environment', async () => {
    const id = await run(['audit', '--bogus', '--lang', 'id']);
    expect(id.err.split('\n')[0]).toBe("error: opsi '--bogus' tidak dikenal");
    const en = await run(['audit', '--bogus', '--lang', 'en'], { LANG: 'id_ID.UTF-8' });
    expect(en.err.split('\n')[0]).toBe("error: unknown option '--bogus'");
  });

  it('words an invalid --lang in the language the environment asks for', async () => {
    const result = await run(['audit', '--lang', 'fr'], { LC_ALL: 'id_ID.UTF-8' });
    expect(result.err.split('\n')[0]).toBe(
      "error: nilai 'fr' untuk opsi '--lang <lang>' tidak valid. Pilihan yang tersedia: en, id.",
    );
  });
});

describe('commanderErrorText', () => {
  const id = createLocale('id');

  it('words a suggestion of several, and leaves English and unknown messages as they are', () => {
    expect(
      commanderErrorText(
        "error: unknown option '--fail'\n(Did you mean one of --fail-on, --fail-any-under?)\n",
        id,
      ),
    ).toBe(
      "error: opsi '--fail' tidak dikenal\n(Maksudnya salah satu dari --fail-on, --fail-any-under?)\n",
    );
    expect(commanderErrorText("error: unknown option '--x'\n", createLocale('en'))).toBe(
      "error: unknown option '--x'\n",
    );
    expect(commanderErrorText('error: something commander 15 says\n', id)).toBe(
      'error: something commander 15 says\n',
    );
  });
});

describe("commander's help words in the run's language", () => {
  it('writes [options], [command] and the (choices: …, default: …) notes in Indonesian', async () => {
    const top = await run(['--help', '--lang', 'id']);
    expect(top.out.split('\n')[0]).toBe('Cara pakai: touchpoint [opsi] [perintah]');
    expect(top.out).toContain('\n  audit [opsi] [inventory...]  ');
    expect(top.out).toContain('\n  help [perintah]  ');
    const sources = await run(['sources', '--help', '--lang', 'id']);
    expect(sources.out.split('\n')[0]).toBe('Cara pakai: touchpoint sources [opsi] <file...>');
    expect(sources.out).toContain(
      [
        '  -f, --format <format>   text atau json (pilihan: "text", "json", bawaan:',
        '                          "text")',
      ].join('\n'),
    );
    const audit = await run(['audit', '--help', '--lang', 'id']);
    expect(audit.out).toContain('stdin (bawaan: ["touchpoints.yaml"])\n');
    expect(audit.out).toContain(
      [
        '  --color <when>                warna pada output (pilihan: "auto", "always",',
        '                                "never", bawaan: "auto")',
      ].join('\n'),
    );
    expect(audit.out).not.toMatch(/\((?:choices|default): /);
  });

  it('leaves English as commander writes it', async () => {
    const top = await run(['--help']);
    expect(top.out.split('\n')[0]).toBe('Usage: touchpoint [options] [command]');
    expect(top.out).toContain('\n  help [command]  ');
    const sources = await run(['sources', '--help']);
    expect(sources.out).toContain(
      [
        '  -f, --format <format>   text or json (choices: "text", "json", default:',
        '                          "text")',
      ].join('\n'),
    );
  });
});
