import type { Reporter } from './types.js';

/** The report as stable, versioned JSON (`schemas/report.schema.json`). */
export const renderJson: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`;
