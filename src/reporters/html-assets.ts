/**
 * The stylesheet and script inlined into every HTML report. Static text: no user data ever
 * goes in here, so nothing needs escaping and a `</script>` in a name cannot break out.
 */

export const HTML_STYLE = `
:root {
  --ink: #1d2430; --muted: #5b6472; --line: #d9dee5; --paper: #ffffff; --wash: #f5f7fa;
  --error: #b42318; --warning: #b54708; --info: #175cd3; --ok: #067647; --accent: #3e4ccf;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); background: var(--wash);
}
* { box-sizing: border-box; }
body { margin: 0; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 0 0 12px; }
.meta, .note, footer { color: var(--muted); font-size: 0.9rem; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 18px 0; overflow-x: auto; }
.summary { display: flex; gap: 28px; align-items: center; flex-wrap: wrap; }
.score-card { width: 150px; height: 150px; border-radius: 50%; display: flex; flex-direction: column; align-items: center; justify-content: center; color: #fff; flex: none; }
.score-card .score { font-size: 2.6rem; font-weight: 700; line-height: 1; }
.score-card .grade { font-size: 1.1rem; margin-top: 6px; }
.grade-A { background: #067647; } .grade-B { background: #4f8a10; } .grade-C { background: #b58105; }
.grade-D { background: #c4510f; } .grade-F { background: #b42318; } .grade-none { background: #5b6472; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px 24px; margin: 0; flex: 1 1 260px; }
.facts div { border-left: 3px solid var(--line); padding-left: 10px; }
.facts dt { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.facts dd { margin: 0; font-size: 1.25rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--wash); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.message { white-space: pre-wrap; }
code { font: 0.85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 0.75rem; letter-spacing: 0.04em; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
tr.inactive td { color: var(--muted); }
.status { font-size: 0.8rem; color: var(--muted); }
table.sortable th button { all: unset; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; }
table.sortable th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
table.sortable th button::after { content: "\\2195"; color: var(--muted); font-size: 0.8em; }
table.sortable th[aria-sort="ascending"] button::after { content: "\\25B2"; color: var(--ink); }
table.sortable th[aria-sort="descending"] button::after { content: "\\25BC"; color: var(--ink); }
table.compact { font-size: 0.82rem; }
table.compact th, table.compact td { padding: 5px 6px; }
table.compact th { white-space: normal; }
table.heatmap { width: auto; }
table.heatmap td { text-align: center; min-width: 60px; border: 2px solid var(--paper); border-radius: 6px; }
table.heatmap td.empty { background: var(--paper); }
table.heatmap tr.gap td { background: repeating-linear-gradient(45deg, #fbeceb, #fbeceb 6px, #f6dcda 6px, #f6dcda 12px); }
table.heatmap th[scope="row"] { text-align: right; background: none; }
table.heatmap thead th { white-space: normal; font-size: 0.8rem; }
table.heatmap .gap-mark { color: var(--error); font-weight: 400; }
table.heatmap .count { display: block; font-weight: 700; font-size: 1.05rem; }
table.heatmap .mean { display: block; font-size: 0.8rem; }
.scale { display: flex; align-items: center; gap: 8px; margin-top: 10px; font-size: 0.8rem; color: var(--muted); }
.scale .bar { width: 180px; height: 10px; border-radius: 5px; background: linear-gradient(90deg, hsl(0 70% 82%), hsl(60 70% 82%), hsl(120 70% 82%)); }
.bar-cell { width: 40%; }
.bar-track { background: var(--wash); border-radius: 4px; height: 10px; }
.bar-fill { background: var(--accent); border-radius: 4px; height: 10px; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(360px, 100%), 1fr)); gap: 0 24px; }
.columns > div { min-width: 0; }
header .meta, header .note, footer { overflow-wrap: anywhere; }
td code, li code, #score-components li { overflow-wrap: anywhere; }
table.compact td { overflow-wrap: anywhere; }
footer { padding-bottom: 28px; border-top: 1px solid var(--line); padding-top: 10px; }
footer p { margin: 2px 0; }
@media (max-width: 760px) {
  header, main, footer { padding: 0 12px; }
  header { padding-top: 16px; }
  section { padding: 14px 12px; }
  h1 { font-size: 1.35rem; }
  .score-card { width: 120px; height: 120px; }
  .score-card .score { font-size: 2rem; }
  .facts { grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); }
  th { white-space: normal; }
  th, td { padding: 5px; }
  .bar-cell { width: 20%; }
}
@page { size: auto; margin: 12mm; }
@media print {
  :root { background: #fff; font-size: 10.5pt; }
  .journey > input, .journey > label, .journey > .lane-title { display: none; }
  header, main, footer { max-width: none; padding: 0; }
  section { border: none; padding: 0; margin: 0 0 14pt; break-inside: avoid-page; overflow: visible; }
  section.long { break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  table.sortable th button::after { content: none; }
  .score-card, table.heatmap td, .bar-fill, svg.timeline, .jm-card, .jm-cell.gap { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** Click a column header to sort the table by it; click again to reverse. */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  function key(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? -Infinity : '';
    var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    if (!numeric) return raw.toLowerCase();
    var n = parseFloat(raw);
    return isNaN(n) ? -Infinity : n;
  }
  function sort(table, th, index) {
    var numeric = th.getAttribute('data-type') === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) headers[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, index, numeric);
      var y = key(b, index, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sort(table, th, index); });
    });
  });
})();
`;
