import { readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import * as spectralFunctions from '@stoplight/spectral-functions';
import * as spectralFormats from '@stoplight/spectral-formats';
import { parse as parseYaml } from 'yaml';
import { ApigateError } from '../errors.js';
import { displayPath } from '../util/paths.js';
import { isInside } from './resolver.js';

/** `rulesets/` of the installed package: the built-in rulesets live there as plain Spectral YAML. */
export const PACKAGE_RULESETS_DIR = fileURLToPath(new URL('../../rulesets/', import.meta.url));

/** Spectral's rulesets are imported one by one and only when used: the package index loads all three. */
async function importSpectralRuleset(name: 'oas' | 'asyncapi' | 'arazzo'): Promise<RulesetDefinition> {
  const module = (await import(`@stoplight/spectral-rulesets/dist/${name}/index.js`)) as { default: { default?: unknown } };
  return (module.default.default ?? module.default) as RulesetDefinition;
}

const BUILTIN_RULESETS: Record<string, () => Promise<RulesetDefinition> | RulesetDefinition> = {
  'spectral:oas': () => importSpectralRuleset('oas'),
  'spectral:asyncapi': () => importSpectralRuleset('asyncapi'),
  'spectral:arazzo': () => importSpectralRuleset('arazzo'),
  'apigate:recommended': () => loadRulesetFile(join(PACKAGE_RULESETS_DIR, 'apigate.yaml'), TRUSTED),
};

/** Ruleset format names as written in Spectral ruleset files. */
const FORMATS: Record<string, unknown> = {
  oas2: spectralFormats.oas2,
  oas3: spectralFormats.oas3,
  'oas3.0': spectralFormats.oas3_0,
  'oas3.1': spectralFormats.oas3_1,
  'json-schema': spectralFormats.jsonSchema,
  'json-schema-loose': spectralFormats.jsonSchemaLoose,
  'json-schema-draft4': spectralFormats.jsonSchemaDraft4,
  'json-schema-draft6': spectralFormats.jsonSchemaDraft6,
  'json-schema-draft7': spectralFormats.jsonSchemaDraft7,
  'json-schema-2019-09': spectralFormats.jsonSchemaDraft2019_09,
  'json-schema-2020-12': spectralFormats.jsonSchemaDraft2020_12,
  asyncapi2: spectralFormats.aas2,
  'asyncapi2.0': spectralFormats.aas2_0,
  'asyncapi2.1': spectralFormats.aas2_1,
  'asyncapi2.2': spectralFormats.aas2_2,
  'asyncapi2.3': spectralFormats.aas2_3,
  'asyncapi2.4': spectralFormats.aas2_4,
  'asyncapi2.5': spectralFormats.aas2_5,
  'asyncapi2.6': spectralFormats.aas2_6,
  asyncapi3: spectralFormats.aas3,
  'asyncapi3.0': spectralFormats.aas3_0,
  'asyncapi3.1': spectralFormats.aas3_1,
  'arazzo1.0': spectralFormats.arazzo1_0,
};

const CORE_FUNCTIONS = spectralFunctions as unknown as Record<string, unknown>;

export interface RulesetAccess {
  /** Folders (real paths) that rulesets and custom functions may be loaded from. */
  allowedRoots: string[];
  allowExternal: boolean;
  allowRemote: boolean;
}

/** The package's own rulesets are trusted: they live outside the user's tree by construction. */
const TRUSTED: RulesetAccess = { allowedRoots: [], allowExternal: true, allowRemote: false };

/** Where a ruleset comes from: a built-in name, a file path, or an inline definition read from a config file. */
export type RulesetSource = string | { definition: Record<string, unknown>; baseDir: string; origin: string };

export async function loadRuleset(source: RulesetSource, access: RulesetAccess): Promise<Ruleset> {
  const definition =
    typeof source === 'string'
      ? await loadRulesetReference(source, process.cwd(), access)
      : await normaliseDefinition(source.definition, source.baseDir, source.origin, access);
  const origin = typeof source === 'string' ? source : source.origin;
  try {
    return new Ruleset(definition, {
      severity: 'recommended',
      source: typeof source === 'string' && !BUILTIN_RULESETS[source] ? resolve(source) : origin,
    });
  } catch (error) {
    throw new ApigateError('E_RULESET', `${displayPath(origin)}: invalid ruleset: ${oneLine(error)}`);
  }
}

async function loadRulesetReference(reference: string, baseDir: string, access: RulesetAccess): Promise<RulesetDefinition> {
  const builtin = BUILTIN_RULESETS[reference];
  if (builtin) return builtin();
  if (/^https?:\/\//i.test(reference)) {
    throw new ApigateError(
      'E_RULESET',
      `refusing to load ruleset ${reference}: rulesets are not fetched from the network; download it into the repository`,
    );
  }
  const path = isAbsolute(reference) || reference.startsWith('.') ? resolve(baseDir, reference) : await resolvePackage(reference, baseDir);
  return loadRulesetFile(path, access);
}

async function resolvePackage(reference: string, baseDir: string): Promise<string> {
  try {
    return createRequire(join(baseDir, 'noop.js')).resolve(reference);
  } catch {
    // A bare name that is not an installed package is most likely a relative file written without `./`.
    return resolve(baseDir, reference);
  }
}

async function checkAccess(path: string, access: RulesetAccess, what: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new ApigateError('E_RULESET', `${displayPath(path)}: ${what} not found`);
  }
  if (!access.allowExternal && !access.allowedRoots.some((root) => isInside(real, root))) {
    throw new ApigateError(
      'E_RULESET',
      `refusing to load ${what} ${displayPath(path)}: it is outside the project folder (pass --allow-external-refs to allow it)`,
    );
  }
  if (!(await stat(real)).isFile()) throw new ApigateError('E_RULESET', `${displayPath(path)}: ${what} is not a regular file`);
  return real;
}

export async function loadRulesetFile(path: string, access: RulesetAccess): Promise<RulesetDefinition> {
  const real = await checkAccess(path, access, 'ruleset');
  const ext = extname(real).toLowerCase();
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') {
    const module = (await import(pathToFileURL(real).href)) as { default?: RulesetDefinition };
    if (!module.default) throw new ApigateError('E_RULESET', `${displayPath(path)}: a JavaScript ruleset must have a default export`);
    return module.default;
  }
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(real, 'utf8'), { maxAliasCount: 100, uniqueKeys: false });
  } catch (error) {
    throw new ApigateError('E_RULESET', `${displayPath(path)}: invalid ruleset YAML: ${oneLine(error)}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ApigateError('E_RULESET', `${displayPath(path)}: a ruleset must be a mapping with "extends" and/or "rules"`);
  }
  return normaliseDefinition(raw as Record<string, unknown>, dirname(real), path, access);
}

/**
 * Turns a ruleset as written in a file (function names, format names, `extends` references) into the live
 * definition spectral-core expects, loading custom functions one file each from `functionsDir`.
 */
async function normaliseDefinition(
  raw: Record<string, unknown>,
  baseDir: string,
  origin: string,
  access: RulesetAccess,
): Promise<RulesetDefinition> {
  const shown = displayPath(origin);
  const functions = await loadCustomFunctions(raw, baseDir, shown, access);
  const result: Record<string, unknown> = { ...raw };
  delete result['functions'];
  delete result['functionsDir'];

  if (raw['extends'] !== undefined) {
    const entries = Array.isArray(raw['extends']) ? raw['extends'] : [raw['extends']];
    result['extends'] = await Promise.all(
      entries.map(async (entry: unknown) => {
        if (Array.isArray(entry)) {
          const [reference, severity] = entry as [unknown, unknown];
          return [await loadRulesetReference(String(reference), baseDir, access), severity];
        }
        return loadRulesetReference(String(entry), baseDir, access);
      }),
    );
  }
  if (raw['formats'] !== undefined) result['formats'] = mapFormats(raw['formats'], shown);
  if (raw['rules'] && typeof raw['rules'] === 'object') {
    const rules: Record<string, unknown> = {};
    for (const [id, rule] of Object.entries(raw['rules'] as Record<string, unknown>)) {
      rules[id] = rule && typeof rule === 'object' ? mapRule(id, rule as Record<string, unknown>, functions, shown) : rule;
    }
    result['rules'] = rules;
  }
  if (Array.isArray(raw['overrides'])) {
    result['overrides'] = await Promise.all(
      (raw['overrides'] as Record<string, unknown>[]).map(async (override) =>
        normaliseDefinition({ ...override, functions: raw['functions'], functionsDir: raw['functionsDir'] }, baseDir, origin, access).then(
          (normalised) => ({ ...normalised, files: override['files'] }),
        ),
      ),
    );
  }
  return result as RulesetDefinition;
}

async function loadCustomFunctions(
  raw: Record<string, unknown>,
  baseDir: string,
  shown: string,
  access: RulesetAccess,
): Promise<Map<string, unknown>> {
  const names = raw['functions'];
  const loaded = new Map<string, unknown>();
  if (names === undefined) return loaded;
  if (!Array.isArray(names)) throw new ApigateError('E_RULESET', `${shown}: "functions" must be a list of function names`);
  const dir = resolve(baseDir, typeof raw['functionsDir'] === 'string' ? raw['functionsDir'] : 'functions');
  for (const name of names) {
    if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) {
      throw new ApigateError('E_RULESET', `${shown}: invalid function name ${JSON.stringify(name)}`);
    }
    const file = join(dir, `${name}.js`);
    const real = await checkAccess(file, access, `function "${name}"`);
    const module = (await import(pathToFileURL(real).href)) as { default?: unknown };
    if (typeof module.default !== 'function') {
      throw new ApigateError('E_RULESET', `${displayPath(file)}: a ruleset function must be the default export`);
    }
    loaded.set(name, module.default);
  }
  return loaded;
}

function mapRule(id: string, rule: Record<string, unknown>, functions: Map<string, unknown>, shown: string): Record<string, unknown> {
  const mapped: Record<string, unknown> = { ...rule };
  if (rule['formats'] !== undefined) mapped['formats'] = mapFormats(rule['formats'], shown);
  if (rule['then'] !== undefined) {
    const thens = Array.isArray(rule['then']) ? rule['then'] : [rule['then']];
    const resolved = thens.map((then: Record<string, unknown>) => {
      const name = then?.['function'];
      if (typeof name !== 'string') return then;
      const fn = functions.get(name) ?? CORE_FUNCTIONS[name];
      if (typeof fn !== 'function') {
        throw new ApigateError('E_RULESET', `${shown}: rule "${id}" uses unknown function "${name}" (list it under "functions")`);
      }
      return { ...then, function: fn };
    });
    mapped['then'] = Array.isArray(rule['then']) ? resolved : resolved[0];
  }
  return mapped;
}

function mapFormats(value: unknown, shown: string): unknown[] {
  if (!Array.isArray(value)) throw new ApigateError('E_RULESET', `${shown}: "formats" must be a list`);
  return value.map((name) => {
    const format = FORMATS[String(name)];
    if (!format) throw new ApigateError('E_RULESET', `${shown}: unknown format "${String(name)}"`);
    return format;
  });
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').map((line) => line.trim()).filter(Boolean).join('; ');
}
