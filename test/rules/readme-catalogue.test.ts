import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE } from '../../src/rules/index.js';
import { ROOT } from '../helpers/golden.js';

/** The README's Rules table: `| \`id\` | severity | finds |` rows, in the order written. */
function readmeRules(): { id: string; severity: string }[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('\n## Rules\n'),
    readme.indexOf('\n### Findings carry'),
  );
  return [...section.matchAll(/^\| `([a-z-]+\/[a-z*-]+)` \|\s*([a-z]*)\s*\|/gm)].map((m) => ({
    id: m[1] ?? '',
    severity: m[2] ?? '',
  }));
}

describe('the README Rules table', () => {
  it('lists every rule of the catalogue once, with its default severity', () => {
    const documented = readmeRules().filter((row) => row.id !== 'observed/*');
    const catalogue = RULE_CATALOGUE.filter((meta) => !meta.id.startsWith('observed/')).map(
      (meta) => ({ id: meta.id, severity: meta.defaultSeverity }),
    );
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...documented].sort(byId)).toEqual([...catalogue].sort(byId));
  });

  it('points to the observed family, whose rules are documented with the event logs', () => {
    expect(readmeRules().some((row) => row.id === 'observed/*')).toBe(true);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const meta of RULE_CATALOGUE.filter((m) => m.id.startsWith('observed/')))
      expect(readme).toContain(`\`${meta.id}\``);
  });
});
