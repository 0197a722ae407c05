// The installed package used as a library, the way a user's script would: imported by name
// from node_modules, audit of the scaffold in the current directory, every report format
// rendered, the gate evaluated. Run by scripts/pack-smoke.sh in the project it installed into.
import assert from 'node:assert/strict';
import * as tp from 'touchpoint-audit';

const config = await tp.loadConfig('touchpoint.config.yaml');
const loaded = await tp.loadInventory(['touchpoints.yaml'], { cwd: process.cwd() });
assert.equal(loaded.findings.length, 0, 'the scaffold loads clean');
const report = await tp.audit({
  inventory: ['touchpoints.yaml'],
  metrics: ['metrics/*.csv'],
  config,
  cwd: process.cwd(),
  command: 'audit',
});
assert.equal(report.command, 'audit');
assert.equal(typeof report.summary.score, 'number');
const ctx = {
  cwd: process.cwd(),
  color: true,
  rules: tp.RULE_CATALOGUE,
  explain: true,
  by: 'touchpoint',
};
for (const name of tp.FORMAT_NAMES) {
  const render = await tp.loadReporter(name);
  // json and sarif come in pieces (a ChunkedReporter), the other formats as one string.
  const out = render(report, ctx);
  const text = typeof out === 'string' ? out : [...out].join('');
  // A clean audit has no annotations, so only the github format may be empty.
  assert.ok(text.length > 0 || name === 'github', `the ${name} report is empty`);
}
assert.equal(tp.evaluateGate(report, { failOn: 'warning' }).failed, false);
// An event log read by the library's streaming engine (the CLI's bundle carries its own copy
// of the CSV reader, so only this catches the package installed without it). pack-smoke.sh
// writes events.csv into the scaffold.
const observed = await tp.audit({
  inventory: ['touchpoints.yaml'],
  events: ['events.csv'],
  config,
  cwd: process.cwd(),
  command: 'audit',
});
assert.ok(observed.observed !== undefined, 'the event log was read');
console.log(
  `library: audit scored ${report.summary.score}; ${tp.FORMAT_NAMES.length} formats rendered`,
);
