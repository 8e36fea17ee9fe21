import type { Finding, RuleMeta } from '../types.js';

export interface FormatContext {
  /** Paths in output are shown relative to this folder. */
  cwd: string;
  /** Every rule that was run, for formats that describe rules (SARIF, markdown). */
  rules: RuleMeta[];
  /** Files that were checked, including clean ones (JUnit lists them). */
  files: string[];
  /** Colour is only for a TTY without NO_COLOR; the CLI decides, formatters obey. */
  color: boolean;
  toolVersion: string;
}

/** A formatter is a pure function of the findings: no I/O, no process state. */
export type Formatter = (findings: Finding[], context: FormatContext) => string;
