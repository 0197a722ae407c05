export { fingerprint, type FingerprintParts } from './fingerprint.js';
export {
  applyBaseline,
  BASELINE_VERSION,
  createBaseline,
  parseBaseline,
  serializeBaseline,
  type BaselineEntry,
  type BaselineFile,
  type BaselineResult,
} from './baseline.js';
