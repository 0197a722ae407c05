import { describe, expect, it } from 'vitest';
import type { MetricAggregate, ColumnUnit, RuleSetting } from '../../src/config/config.js';
import type { AuditReport, Grade } from '../../src/report.js';
import { readSchema } from '../../src/schema/validators.js';
import type {
  CalendarPeriod,
  Comparison,
  Mode,
  Severity,
  TouchpointType,
  Unit,
} from '../../src/types.js';

type Json = Record<string, unknown>;

/** The `enum` at a `/`-separated path of a schema (a JSON pointer without the leading `#`). */
function enumAt(schema: Json, pointer: string): unknown[] {
  let node: unknown = schema;
  for (const step of pointer.split('/').filter((s) => s !== '')) node = (node as Json)[step];
  return (node as { enum: unknown[] }).enum;
}

/**
 * Each value list is a `Record<Union, true>`: TypeScript refuses a missing or an extra value, so
 * the sorted keys are exactly the union's values, and the schema's enum must equal them.
 */
const values = (record: Record<string, true>): string[] => Object.keys(record).sort();
const sorted = (list: unknown[]): unknown[] => [...list].sort();

describe('schema enums hold the values of the TypeScript unions', () => {
  const inventory = readSchema('inventory');
  const config = readSchema('config');
  const report = readSchema('report');

  const severity: Record<Severity, true> = { error: true, warning: true, info: true };
  const grade: Record<Grade, true> = { A: true, B: true, C: true, D: true, F: true };
  const comparison: Record<Comparison, true> = {
    '>=': true,
    '<=': true,
    '>': true,
    '<': true,
    '==': true,
  };
  const unit: Record<Unit, true> = {
    ratio: true,
    percent: true,
    count: true,
    seconds: true,
    minutes: true,
    hours: true,
    days: true,
    score: true,
  };

  it.each<[string, Json, string, Record<string, true>]>([
    [
      'touchpoint type',
      inventory,
      '/definitions/touchpoint/properties/type',
      {
        human: true,
        digital: true,
        product: true,
        administrative: true,
      } satisfies Record<TouchpointType, true>,
    ],
    [
      'touchpoint mode',
      inventory,
      '/definitions/touchpoint/properties/mode',
      {
        proactive: true,
        reactive: true,
      } satisfies Record<Mode, true>,
    ],
    ['metric unit', inventory, '/definitions/metric/properties/unit', unit],
    [
      'calendar period',
      inventory,
      '/definitions/timing/properties/calendar',
      {
        weekly: true,
        monthly: true,
        quarterly: true,
      } satisfies Record<CalendarPeriod, true>,
    ],
    [
      'rule setting',
      config,
      '/properties/rules/additionalProperties',
      {
        ...severity,
        off: true,
      } satisfies Record<RuleSetting, true>,
    ],
    [
      'column unit',
      config,
      '/definitions/columnUnit',
      {
        seconds: true,
        minutes: true,
        hours: true,
        days: true,
        percent: true,
        ratio: true,
      } satisfies Record<ColumnUnit, true>,
    ],
    [
      'aggregate fn',
      config,
      '/definitions/aggregate/properties/fn',
      {
        mean: true,
        median: true,
        p90: true,
        sum: true,
        count: true,
        share: true,
      } satisfies Record<MetricAggregate['fn'], true>,
    ],
    [
      'report command',
      report,
      '/properties/command',
      {
        validate: true,
        audit: true,
        scorecard: true,
      } satisfies Record<AuditReport['command'], true>,
    ],
    ['finding severity', report, '/definitions/finding/properties/severity', severity],
    ['action severity', report, '/properties/actions/items/properties/severity', severity],
    ['touchpoint grade', report, '/definitions/touchpointScore/properties/grade', grade],
    ['group grade', report, '/definitions/groupScore/properties/grade', grade],
    [
      'metric target op',
      report,
      '/definitions/touchpointScore/properties/metric/properties/targetOp',
      comparison,
    ],
    [
      'metric unit in the report',
      report,
      '/definitions/touchpointScore/properties/metric/properties/unit',
      unit,
    ],
  ])('%s', (_name, schema, pointer, union) => {
    expect(sorted(enumAt(schema, pointer))).toEqual(values(union));
  });

  it('summary grade: a grade or null', () => {
    expect(sorted(enumAt(report, '/properties/summary/properties/grade'))).toEqual([
      ...values(grade),
      null,
    ]);
  });
});
