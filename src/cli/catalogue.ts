import Table from 'cli-table3';
import { UsageError } from '../errors.js';
import { findRule, RULE_CATALOGUE } from '../rules/index.js';
import { readSchema } from '../schema/validators.js';
import type { SchemaName } from '../schema/validators.js';
import { suggest } from '../shared/suggest.js';

/** `touchpoint rules`: the catalogue as a table or JSON. */
export function listRules(format: string): string {
  if (format === 'json') return `${JSON.stringify(RULE_CATALOGUE, null, 2)}\n`;
  if (format !== 'table')
    throw new UsageError(`unknown format '${format}' for rules (choose table or json)`);
  const table = new Table({
    head: ['Rule', 'Severity', 'What it finds'],
    colWidths: [30, 10, 58],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const meta of RULE_CATALOGUE) table.push([meta.id, meta.defaultSeverity, meta.description]);
  return `${table.toString()}\n`;
}

/** `touchpoint explain RULE`. */
export function explainRule(id: string): string {
  const rule = findRule(id);
  if (!rule) {
    const hint = suggest(
      id,
      RULE_CATALOGUE.map((meta) => meta.id),
    );
    throw new UsageError(
      `unknown rule '${id}'${hint ? ` — did you mean '${hint}'?` : ''} (touchpoint rules lists them)`,
    );
  }
  const { meta } = rule;
  const messages = Object.entries(meta.messages).map(
    ([messageId, template]) => `  ${messageId}: ${template}`,
  );
  return [
    `${meta.id} (default severity: ${meta.defaultSeverity})`,
    '',
    'What it checks',
    `  ${meta.description}`,
    '',
    'Why it matters',
    `  ${meta.rationale}`,
    '',
    'How to fix it',
    `  ${meta.fix}`,
    '',
    'Messages (findings in JSON and SARIF carry the message id and the data that fills its template)',
    ...messages,
    '',
    `Change its severity in touchpoint.config.yaml:  rules: { ${meta.id}: warning }   (or off)`,
    '',
  ].join('\n');
}

const SCHEMA_NAMES: readonly SchemaName[] = ['inventory', 'config', 'report'];

/** `touchpoint schema NAME`. */
export function schemaText(name: string): string {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`unknown schema '${name}' (choose inventory, config or report)`);
  }
  return `${JSON.stringify(readSchema(name as SchemaName), null, 2)}\n`;
}
