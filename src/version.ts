import { readFileSync } from 'node:fs';

/** Read once from the package manifest so `--version`, SARIF and reports never disagree. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
