import { defineRule } from '../rule.js';
import { dateOrderName } from './date-order-name.js';

export default defineRule({
  phase: 'audit',
  meta: {
    id: 'metrics/ambiguous-date',
    defaultSeverity: 'warning',
    description:
      'A date column of a metric export in which no value settles the day/month order (every date reads as a valid date both ways, such as 03/04/2026), and neither the source’s dateOrder: nor the config’s locale: says which it is. The column is read day-first.',
    rationale:
      'Read the wrong way round, 03/04/2026 is a month off: the audit would use the wrong period and call fresh data stale (or stale data fresh) without a word.',
    fix: 'Say how the export writes dates: dateOrder: mdy (or dmy, ymd) in the sources: entry matching the file, or locale: en-US (id-ID, nl-NL, …) in the config. Exporting ISO dates (YYYY-MM-DD) settles it for good.',
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'ambiguous-date') continue;
      const others = problem.candidates.filter((order) => order !== problem.order);
      ctx.report({
        message: `no date in column ${problem.column} settles its order (first: ${JSON.stringify(problem.text)}, which could also be ${others.map(dateOrderName).join(' or ')}); read as ${dateOrderName(problem.order)}: set dateOrder: in the sources: entry for this file, or locale: in the config`,
        location: { ...problem.location, path: problem.column },
      });
    }
  },
});
