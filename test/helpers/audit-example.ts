import path from 'node:path';
import { audit } from '../../src/audit.js';
import { loadConfig } from '../../src/index.js';
import type { AuditReport } from '../../src/report.js';
import { ROOT } from './golden.js';

/** The audit of an example (`examples/<name>`) with its metrics and config, as of 2026-11-15. */
export async function auditExample(example: string): Promise<AuditReport> {
  const dir = path.join(ROOT, 'examples', example);
  return audit({
    inventory: ['touchpoints.yaml'],
    metrics: ['metrics'],
    config: await loadConfig(path.join(dir, 'touchpoint.config.yaml')),
    cwd: dir,
    asOf: '2026-11-15',
  });
}
