import Table from 'cli-table3';
import { UsageError } from '../errors.js';
import { findRule, RULE_CATALOGUE } from '../rules/index.js';
import { readSchema } from '../schema/validators.js';
import type { SchemaName } from '../schema/validators.js';
import { suggest } from '../shared/suggest.js';
import { wrapText } from '../text/wrap-text.js';

/** `touchpoint rules`: the catalogue as a table (`width` columns wide at most) or JSON. */
export function listRules(format: string, width: number): string {
  if (format === 'json') return `${JSON.stringify(RULE_CATALOGUE, null, 2)}\n`;
  if (format !== 'table')
    throw new UsageError(`unknown format '${format}' for rules (choose table or json)`);
  // The rule and severity columns fit their longest entry; the description wraps in the rest
  // (four borders, and one space of padding either side of each cell).
  const ruleWidth = Math.max(...RULE_CATALOGUE.map((meta) => meta.id.length)) + 2;
  const severityWidth = 'Severity'.length + 2;
  const table = new Table({
    head: ['Rule', 'Severity', 'What it finds'],
    colWidths: [ruleWidth, severityWidth, width - ruleWidth - severityWidth - 4],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const meta of RULE_CATALOGUE) table.push([meta.id, meta.defaultSeverity, meta.description]);
  return `${table.toString()}\n`;
}

/** `touchpoint explain RULE`, every paragraph wrapped to `width` columns. */
export function explainRule(id: string, width: number): string {
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
  const paragraph = (text: string) => wrapText(text, width, 2);
  const messages = Object.entries(meta.messages).flatMap(([messageId, template]) =>
    wrapText(`${messageId}: ${template}`, width, 2, 2),
  );
  return [
    ...wrapText(`${meta.id} (default severity: ${meta.defaultSeverity})`, width),
    '',
    'What it checks',
    ...paragraph(meta.description),
    '',
    'Why it matters',
    ...paragraph(meta.rationale),
    '',
    'How to fix it',
    ...paragraph(meta.fix),
    '',
    ...wrapText(
      'Messages (findings in JSON and SARIF carry the message id and the data that fills its template)',
      width,
    ),
    ...messages,
    '',
    // The config line stays whole, to be copied.
    'Change its severity (or turn it off) in touchpoint.config.yaml:',
    `  rules: { ${meta.id}: warning }`,
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
