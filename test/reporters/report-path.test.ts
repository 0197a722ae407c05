import { describe, expect, it } from 'vitest';

import { reportPath } from '../../src/reporters/report-path.js';

describe('reportPath', () => {
  it.each([
    ['/work/acme/touchpoints.yaml', '/work/acme', 'touchpoints.yaml'],
    ['/work/acme/metrics/a b.csv', '/work/acme/', 'metrics/a b.csv'],
    ['/elsewhere/x.yaml', '/work/acme', '../../elsewhere/x.yaml'],
    ['/work/acme', '/work/acme', '.'],
    ['inventory/tp.yaml', '/work/acme', 'inventory/tp.yaml'],
    ['inventory\\tp.yaml', '/work/acme', 'inventory/tp.yaml'],
    ['-', '/work/acme', '-'],
    ['C:\\repo\\inv\\tp.yaml', 'C:\\repo', 'inv/tp.yaml'],
  ])('%s from %s is %s', (file, cwd, expected) => {
    expect(reportPath(file, cwd)).toBe(expected);
  });
});
