import { defineRule } from '../rule.js';

export interface DuplicateSourceData {
  /** The metric file's base name, the metric, and the two entries' `match` globs. */
  baseName: string;
  metric: string;
  first: string;
  second: string;
}

export default defineRule<DuplicateSourceData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/duplicate-source',
    defaultSeverity: 'error',
    description:
      'Two sources: entries in the config both match one metric file and give the same metric. Every matching entry applies, so the metric would be counted twice; the first entry is read and the second is not, for that metric.',
    rationale:
      'Silently letting the first entry win (or adding both) gives a number nobody asked for; the overlap is almost always a match glob that is wider than meant.',
    fix: "Narrow one entry's match glob so each file is matched once per metric, or remove the metric from one of the entries.",
    messages: {
      twice:
        '{{baseName}} is matched by the sources: entries "{{first}}" and "{{second}}", which both give {{metric}}: only "{{first}}" is read for it',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'duplicate-source') continue;
      const { baseName, metric, first, second } = problem;
      ctx.report({
        messageId: 'twice',
        data: { baseName, metric, first, second },
        location: problem.location,
      });
    }
  },
});
