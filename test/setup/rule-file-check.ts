import { afterAll } from 'vitest';
import type { RunnerTask } from 'vitest';
import { producedRuleIds, ruleFileProblem } from '../rules/produced-findings.js';

function allTasks(task: RunnerTask): RunnerTask[] {
  return 'tasks' in task ? [task, ...task.tasks.flatMap(allTasks)] : [task];
}

// After a rule's own test file (test/rules/<family>/<name>.test.ts), at least one of its tests
// must have made rule <family>/<name> report a finding. Not checked when a filter (-t) left
// some of the file's tests out, since the one that produces the finding may be among them.
// (Vitest hands hooks their fixtures first, as an object pattern; the suite comes second.)
// eslint-disable-next-line no-empty-pattern
afterAll(({}, suite) => {
  if (allTasks(suite.file).some((task) => task.mode !== 'run')) return;
  const problem = ruleFileProblem(suite.file.filepath, producedRuleIds());
  if (problem !== undefined) throw new Error(problem);
});
