import { access, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ApigateError } from './errors.js';
import { displayPath } from './util/paths.js';

/** Config files looked for in the working directory, in order; `.spectral.*` eases migration from Spectral. */
export const CONFIG_FILE_NAMES = ['apigate.config.yaml', 'apigate.config.yml', 'apigate.config.json'];
export const SPECTRAL_RULESET_NAMES = ['.spectral.yaml', '.spectral.yml', '.spectral.json'];

export interface ApigateConfig {
  /** Absolute path of the file the config was read from. */
  path: string;
  dir: string;
  lint: Record<string, unknown>;
  contract: Record<string, unknown>;
  coverage: Record<string, unknown>;
  diff: Record<string, unknown>;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function findFirst(dir: string, names: string[]): Promise<string | undefined> {
  for (const name of names) {
    const candidate = join(dir, name);
    if (await exists(candidate)) return candidate;
  }
  return undefined;
}

/**
 * `${NAME}` is replaced with the environment variable NAME so tokens stay out of files; `$${` escapes it.
 * A missing variable is an error rather than an empty string, which would silently send no credentials.
 */
export function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$(\$)?\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, escaped: string | undefined, name: string) => {
      if (escaped) return match.slice(1);
      const replacement = env[name];
      if (replacement === undefined) {
        throw new ApigateError('E_CONFIG', `${where}: environment variable ${name} is not set`);
      }
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => interpolateEnv(item, env, where));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, where)]));
  }
  return value;
}

function section(raw: Record<string, unknown>, name: string, shown: string): Record<string, unknown> {
  const value = raw[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ApigateError('E_CONFIG', `${shown}: "${name}" must be a mapping`);
  }
  return value as Record<string, unknown>;
}

export async function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): Promise<ApigateConfig> {
  const absolute = resolve(path);
  const shown = displayPath(absolute);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    throw new ApigateError('E_CONFIG', `${shown}: config file not found`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new ApigateError('E_CONFIG', `${shown}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ApigateError('E_CONFIG', `${shown}: the config must be a mapping`);
  const record = raw as Record<string, unknown>;
  const known = new Set(['lint', 'contract', 'coverage', 'diff']);
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new ApigateError('E_CONFIG', `${shown}: unknown top-level key "${unknown[0]}" (expected lint, contract, coverage or diff)`);
  }
  return {
    path: absolute,
    dir: dirname(absolute),
    lint: section(record, 'lint', shown),
    // Only the contract section carries credentials; interpolating it alone keeps `${...}` in lint messages literal.
    contract: interpolateEnv(section(record, 'contract', shown), env, shown) as Record<string, unknown>,
    coverage: section(record, 'coverage', shown),
    diff: section(record, 'diff', shown),
  };
}

/** The explicit `--config` file, or `apigate.config.yaml` in the working directory when present. */
export async function discoverConfig(explicit: string | undefined, cwd: string): Promise<ApigateConfig | undefined> {
  if (explicit) return loadConfigFile(explicit);
  const found = await findFirst(cwd, CONFIG_FILE_NAMES);
  return found ? loadConfigFile(found) : undefined;
}
