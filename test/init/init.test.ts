import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import type { InitError } from '../../src/init/init.js';
import {
  DEFAULT_TEMPLATES_DIR,
  initProject,
  SCAFFOLD_FILES,
  shiftSampleDates,
  TEMPLATE_NAMES,
} from '../../src/init/init.js';
import type { TemplateName } from '../../src/init/init.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = '2027-03-01';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'touchpoint-init-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A minimal b2c template set in `templatesDir`. */
async function writeTemplates(templatesDir: string): Promise<void> {
  await mkdir(path.join(templatesDir, 'b2c', 'metrics'), { recursive: true });
  await writeFile(path.join(templatesDir, 'b2c', 'touchpoints.yaml'), 'version: 1\n');
  await writeFile(path.join(templatesDir, 'b2c', 'touchpoint.config.yaml'), 'rules: {}\n');
  await writeFile(path.join(templatesDir, 'b2c', 'metrics', 'sample.csv'), 'x,2020-01-01\n');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('initProject', () => {
  it.each(TEMPLATE_NAMES)('writes exactly the three scaffold files for %s', async (template) => {
    const dir = path.join(work, 'new', 'project');

    const written = await initProject(dir, { template, force: false, today: TODAY });

    expect(written).toEqual([
      path.join(dir, 'touchpoints.yaml'),
      path.join(dir, 'touchpoint.config.yaml'),
      path.join(dir, 'metrics', 'sample.csv'),
    ]);
    expect(await listFiles(dir)).toEqual([
      path.join('metrics', 'sample.csv'),
      'touchpoint.config.yaml',
      'touchpoints.yaml',
    ]);
    for (const file of ['touchpoints.yaml', 'touchpoint.config.yaml']) {
      expect(await readFile(path.join(dir, file), 'utf8')).toBe(
        await readFile(path.join(ROOT, 'templates', template, file), 'utf8'),
      );
    }
  });

  it('moves the sample metrics so the latest row is today', async () => {
    await initProject(work, { template: 'b2c', force: false, today: TODAY });

    const sample = await readFile(path.join(work, 'metrics', 'sample.csv'), 'utf8');
    const lines = sample.trimEnd().split('\n');
    expect(lines[0]).toBe('touchpoint_id,metric,value,date');
    expect(lines[1]).toBe('social-ads,return_on_ad_spend,3.6,2027-02-01');
    expect(lines[2]).toBe('social-ads,return_on_ad_spend,3.9,2027-03-01');
    expect(lines).toHaveLength(15);
  });

  it('refuses to overwrite an existing file, names it, and writes nothing', async () => {
    await writeFile(path.join(work, 'touchpoints.yaml'), 'mine\n');

    const error = await rejection(
      initProject(work, { template: 'b2b-saas', force: false, today: TODAY }),
    );

    expect(error).toBeInstanceOf(UsageError);
    expect((error as InitError).problem).toEqual({
      kind: 'files-exist',
      files: [path.join(work, 'touchpoints.yaml')],
    });
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toBe(
      `${path.join(work, 'touchpoints.yaml')} already exists; set force to overwrite (nothing was written)`,
    );
    expect(await listFiles(work)).toEqual(['touchpoints.yaml']);
    expect(await readFile(path.join(work, 'touchpoints.yaml'), 'utf8')).toBe('mine\n');
  });

  it('names every existing file when several exist', async () => {
    await mkdir(path.join(work, 'metrics'));
    await writeFile(path.join(work, 'touchpoint.config.yaml'), 'rules: {}\n');
    await writeFile(path.join(work, 'metrics', 'sample.csv'), 'a,b\n');

    const error = await rejection(initProject(work, { template: 'b2c', force: false }));

    expect((error as UsageError).message).toBe(
      `${path.join(work, 'touchpoint.config.yaml')}, ${path.join(work, 'metrics', 'sample.csv')} already exist; set force to overwrite (nothing was written)`,
    );
    expect(await listFiles(work)).toEqual([
      path.join('metrics', 'sample.csv'),
      'touchpoint.config.yaml',
    ]);
  });

  it('leaves other files in the directory alone', async () => {
    await mkdir(path.join(work, 'metrics'));
    await writeFile(path.join(work, 'README.md'), '# mine\n');
    await writeFile(path.join(work, 'metrics', 'crm.csv'), 'x\n');

    await initProject(work, { template: 'b2c', force: false, today: TODAY });

    expect(await listFiles(work)).toEqual([
      'README.md',
      path.join('metrics', 'crm.csv'),
      path.join('metrics', 'sample.csv'),
      'touchpoint.config.yaml',
      'touchpoints.yaml',
    ]);
    expect(await readFile(path.join(work, 'README.md'), 'utf8')).toBe('# mine\n');
  });

  it('overwrites existing files with force, leaving no temp files behind', async () => {
    await mkdir(path.join(work, 'metrics'));
    for (const file of SCAFFOLD_FILES) await writeFile(path.join(work, file), 'old\n');

    const written = await initProject(work, { template: 'b2b-saas', force: true, today: TODAY });

    expect(written).toHaveLength(3);
    expect(await listFiles(work)).toEqual([
      path.join('metrics', 'sample.csv'),
      'touchpoint.config.yaml',
      'touchpoints.yaml',
    ]);
    expect(await readFile(path.join(work, 'touchpoints.yaml'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'templates', 'b2b-saas', 'touchpoints.yaml'), 'utf8'),
    );
  });

  it('rejects an unknown template with a usage error', async () => {
    const error = await rejection(
      initProject(work, { template: 'b2b' as TemplateName, force: false }),
    );

    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe("unknown template 'b2b' (choose b2b-saas or b2c)");
    expect(await listFiles(work)).toEqual([]);
  });

  it('rejects a malformed today date', async () => {
    const error = await rejection(
      initProject(work, { template: 'b2c', force: false, today: '2027-02-30' }),
    );

    expect((error as Error).message).toBe("'2027-02-30' is not a date (expected YYYY-MM-DD)");
  });

  it('reports a missing template folder as an input error', async () => {
    const templatesDir = path.join(work, 'no-templates');

    const error = await rejection(
      initProject(path.join(work, 'out'), { template: 'b2c', force: false, templatesDir }),
    );

    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `${path.join(templatesDir, 'b2c', 'touchpoints.yaml')}: cannot read the template (ENOENT)`,
    );
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });

  it('reports a target directory that is a file as an input error', async () => {
    const dir = path.join(work, 'taken');
    await writeFile(dir, 'a file\n');

    const error = await rejection(initProject(dir, { template: 'b2c', force: false }));

    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `${path.join(dir, 'metrics')}: cannot create the directory (ENOTDIR)`,
    );
  });

  it('reads templates from templatesDir when given', async () => {
    const templatesDir = path.join(work, 'custom');
    await writeTemplates(templatesDir);
    const dir = path.join(work, 'out');

    await initProject(dir, { template: 'b2c', force: false, templatesDir, today: TODAY });

    expect(await readFile(path.join(dir, 'touchpoints.yaml'), 'utf8')).toBe('version: 1\n');
    expect(await readFile(path.join(dir, 'metrics', 'sample.csv'), 'utf8')).toBe('x,2027-03-01\n');
  });
});

describe('initProject into its own templates folder', () => {
  it('refuses, even with force, and leaves the templates as they were', async () => {
    const templatesDir = path.join(work, 'custom');
    await writeTemplates(templatesDir);
    // Through `..`, so only a comparison of real paths sees the clash.
    const dir = path.join(templatesDir, 'b2c', 'metrics', '..');

    const error = await rejection(
      initProject(dir, { template: 'b2c', force: true, templatesDir, today: TODAY }),
    );

    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /this output would overwrite the input .* \(template\)/,
    );
    expect(await readFile(path.join(templatesDir, 'b2c', 'metrics', 'sample.csv'), 'utf8')).toBe(
      'x,2020-01-01\n',
    );
  });
});

describe('DEFAULT_TEMPLATES_DIR', () => {
  it('is the package templates/ folder', () => {
    expect(DEFAULT_TEMPLATES_DIR).toBe(path.join(ROOT, 'templates') + path.sep);
  });

  it('resolves to the same folder from the built dist/init/init.js', () => {
    const built = new URL('file:///pkg/dist/init/init.js');
    expect(fileURLToPath(new URL('../../templates/', built))).toBe(
      fileURLToPath(new URL('file:///pkg/templates/')),
    );
  });

  it('holds every template with the three scaffold files', async () => {
    for (const template of TEMPLATE_NAMES) {
      expect(await listFiles(path.join(DEFAULT_TEMPLATES_DIR, template))).toEqual([
        path.join('metrics', 'sample.csv'),
        'touchpoint.config.yaml',
        'touchpoints.yaml',
      ]);
    }
  });
});

describe('shiftSampleDates', () => {
  it.each([
    {
      name: 'moves every date by the same number of days',
      csv: 'a,2026-10-19\nb,2026-11-16\n',
      today: '2027-03-01',
      expected: 'a,2027-02-01\nb,2027-03-01\n',
    },
    {
      name: 'moves backwards too, across a leap day',
      csv: 'a,2028-03-10\n',
      today: '2028-02-28',
      expected: 'a,2028-02-28\n',
    },
    {
      name: 'keeps the spacing across a month end',
      csv: 'a,2026-01-31,b,2026-02-01\n',
      today: '2026-03-01',
      expected: 'a,2026-02-28,b,2026-03-01\n',
    },
    {
      name: 'leaves a file without dates alone',
      csv: 'touchpoint_id,metric,value\nx,y,1\n',
      today: '2027-03-01',
      expected: 'touchpoint_id,metric,value\nx,y,1\n',
    },
    {
      name: 'ignores text that only looks like a date',
      csv: 'a,2026-13-45,2026-11-16\n',
      today: '2026-11-17',
      expected: 'a,2026-13-45,2026-11-17\n',
    },
  ])('$name', ({ csv, today, expected }) => {
    expect(shiftSampleDates(csv, today)).toBe(expected);
  });
});
