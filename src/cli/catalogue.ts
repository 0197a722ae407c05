import Table from 'cli-table3';
import { WordedUsageError } from './worded-usage-error.js';
import { findRule, RULE_CATALOGUE } from '../rules/index.js';
import { readSchema } from '../schema/validators.js';
import type { SchemaName } from '../schema/validators.js';
import { suggest } from '../shared/suggest.js';
import { wrapText } from '../text/wrap-text.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { RULE_DOCS_ID, RULE_MESSAGES_ID } from '../i18n/rules-id/index.js';
import { severityWord } from '../reporters/finding-facts.js';
import type { RuleMeta } from '../types.js';

/** A rule's description, rationale and fix in the locale's language (English: its meta). */
function ruleDocs(
  meta: RuleMeta,
  loc: Locale,
): Pick<RuleMeta, 'description' | 'rationale' | 'fix'> {
  const docs = loc.lang === 'en' ? undefined : RULE_DOCS_ID[meta.id];
  if (docs === undefined) return meta;
  const first = loc.fix(meta.id, meta.fix);
  return {
    description: docs.description,
    rationale: docs.rationale,
    fix: docs.fixMore === undefined ? first : `${first} ${docs.fixMore}`,
  };
}

/**
 * `touchpoint rules`: the catalogue as a table (`width` columns wide at most) or JSON. The
 * table speaks the locale's language; JSON is the catalogue as it is, English.
 */
export function listRules(format: string, width: number, loc: Locale = ENGLISH): string {
  if (format === 'json') return `${JSON.stringify(RULE_CATALOGUE, null, 2)}\n`;
  if (format !== 'table') throw new WordedUsageError('cli.rulesFormat', { format });
  // The rule and severity columns fit their longest entry; the description wraps in the rest
  // (four borders, and one space of padding either side of each cell).
  const ruleWidth = Math.max(...RULE_CATALOGUE.map((meta) => meta.id.length)) + 2;
  const severity = (meta: RuleMeta) => severityWord(meta.defaultSeverity, loc);
  const severityHead = loc.text('rules.headSeverity');
  const severityWidth =
    Math.max(severityHead.length, ...RULE_CATALOGUE.map((meta) => severity(meta).length)) + 2;
  const table = new Table({
    head: [loc.text('rules.headRule'), severityHead, loc.text('rules.headFinds')],
    colWidths: [ruleWidth, severityWidth, width - ruleWidth - severityWidth - 4],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const meta of RULE_CATALOGUE)
    table.push([meta.id, severity(meta), ruleDocs(meta, loc).description]);
  return `${table.toString()}\n`;
}

/** `touchpoint explain RULE`, every paragraph wrapped to `width` columns, in the locale's words. */
export function explainRule(id: string, width: number, loc: Locale = ENGLISH): string {
  const rule = findRule(id);
  if (!rule) {
    const hint = suggest(
      id,
      RULE_CATALOGUE.map((meta) => meta.id),
    );
    throw hint
      ? new WordedUsageError('cli.unknownRuleHint', { rule: id, hint })
      : new WordedUsageError('cli.unknownRule', { rule: id });
  }
  const { meta } = rule;
  const docs = ruleDocs(meta, loc);
  const translated = loc.lang === 'en' ? undefined : RULE_MESSAGES_ID[meta.id];
  const paragraph = (text: string) => wrapText(text, width, 2);
  const messages = Object.entries(meta.messages).flatMap(([messageId, template]) =>
    wrapText(`${messageId}: ${translated?.[messageId] ?? template}`, width, 2, 2),
  );
  return [
    ...wrapText(
      loc.text('explain.title', {
        rule: meta.id,
        severity: severityWord(meta.defaultSeverity, loc),
      }),
      width,
    ),
    '',
    loc.text('explain.checks'),
    ...paragraph(docs.description),
    '',
    loc.text('explain.matters'),
    ...paragraph(docs.rationale),
    '',
    loc.text('explain.fix'),
    ...paragraph(docs.fix),
    '',
    ...wrapText(loc.text('explain.messages'), width),
    ...messages,
    '',
    // The config line stays whole, to be copied.
    loc.text('explain.config'),
    `  rules: { ${meta.id}: warning }`,
    '',
  ].join('\n');
}

const SCHEMA_NAMES: readonly SchemaName[] = ['inventory', 'config', 'report'];

/** `touchpoint schema NAME`. */
export function schemaText(name: string): string {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    throw new WordedUsageError('cli.unknownSchema', { name });
  }
  return `${JSON.stringify(readSchema(name as SchemaName), null, 2)}\n`;
}
