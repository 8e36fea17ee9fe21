/** Baselines: accept today's findings so that only new ones fail, and report how many were fixed. */
export {
  BASELINE_FILE_NAME,
  createBaseline,
  isExpired,
  matchBaseline,
  readBaseline,
  readBaselineIfPresent,
  serializeBaseline,
  writeBaseline,
  type Baseline,
  type BaselineEntry,
  type BaselineMatch,
} from './baseline.js';
export { fingerprint, uniqueFingerprints, jsonPointer, normaliseMessage } from './fingerprint.js';
