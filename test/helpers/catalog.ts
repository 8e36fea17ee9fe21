import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './cli.js';

/** Every `apigate-*` rule id defined in the packaged rulesets, read from the data files themselves. */
export function styleRuleIds(): string[] {
  const files = [join(REPO_ROOT, 'rulesets/apigate.yaml'), ...readdirSync(join(REPO_ROOT, 'rulesets/style')).map((f) => join(REPO_ROOT, 'rulesets/style', f))];
  const ids = files.flatMap((file) => Object.keys((parse(readFileSync(file, 'utf8')) as { rules?: object }).rules ?? {}));
  return ids.filter((id) => id.startsWith('apigate-')).sort();
}
