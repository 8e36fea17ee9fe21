import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Spectral, type ISpectralDiagnostic, type Ruleset } from '@stoplight/spectral-core';
import { glob, isDynamicPattern } from 'tinyglobby';
import { discoverConfig, findFirst, SPECTRAL_RULESET_NAMES, type ApigateConfig } from '../config.js';
import { ApigateError } from '../errors.js';
import { SEVERITIES, type Finding, type RuleMeta, type Severity } from '../types.js';
import { displayPath } from '../util/paths.js';
import { sanitizeText } from '../util/escape.js';
import { loadSpec } from './document.js';
import { instrumentRuleset, nodeLocalRuleSwitch, type PatternWarning, type RuleTiming } from './instrument.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type LintLimits } from './limits.js';
import { installLinearRegExp } from './regexp.js';
import { installCompiledSchemaCache } from './schema-cache.js';
import { installNativeJsonPathEngine } from './jsonpath-engine.js';
import { installPointerCache } from './pointer-cache.js';
import { createPolicyResolver, REMOTE_REFS_OFF } from './resolver.js';
import { loadRuleset, type RulesetAccess, type RulesetSource } from './ruleset.js';
import { ruleDocumentationUrl } from '../rulesets/docs.js';
import { dropInlineIgnored } from './ignore.js';

export interface LintOptions {
  /** A built-in ruleset name (`apigate:recommended`, `spectral:oas`) or a ruleset file. */
  ruleset?: string;
  /** An `apigate.config.yaml`; when absent one is discovered in `cwd`. */
  config?: string;
  cwd?: string;
  /** Let `$ref`s, rulesets and functions read files outside the spec's folder and the working directory. */
  allowExternalRefs?: boolean;
  /** Let `$ref`s fetch http(s) URLs (never link-local or metadata addresses). */
  allowRemoteRefs?: boolean;
  maxDocumentBytes?: number;
  maxNestingDepth?: number;
  maxAliasExpansion?: number;
  maxRefExpansion?: number;
  /** Measure the time each rule's functions take (reported in `timings`). */
  timing?: boolean;
}

export interface LintReport {
  findings: Finding[];
  /** Absolute paths of the spec files that were linted. */
  files: string[];
  /** Every rule that was enabled, for formatters that list rules (SARIF). */
  rules: RuleMeta[];
  /** Where the ruleset came from: a built-in name or a file. */
  rulesetSource: string;
  /** Per-rule time, slowest first, when `timing` was asked for. */
  timings?: RuleTiming[];
}

/** Rule id of the warning given when a schema pattern cannot be checked in linear time. */
export const UNSUPPORTED_PATTERN_RULE = 'apigate-pattern-not-checked';

const CONFIG_RULESET_KEYS = ['extends', 'rules', 'functions', 'functionsDir', 'overrides', 'aliases', 'formats'];

/** Lints OpenAPI documents and returns located findings. Throws `ApigateError` for unusable input. */
export async function lint(patterns: string | string[], options: LintOptions = {}): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const files = await expandPatterns(Array.isArray(patterns) ? patterns : [patterns], cwd);
  const config = await discoverConfig(options.config && resolve(cwd, options.config), cwd);
  const cwdReal = await realpath(cwd);
  const access: RulesetAccess = {
    allowedRoots: [cwdReal, ...(config ? [await realpath(config.dir)] : [])],
    allowExternal: options.allowExternalRefs ?? false,
    allowRemote: options.allowRemoteRefs ?? false,
  };
  const { ruleset, source } = await selectRuleset(options, config, cwd, access);
  const limits: LintLimits = {
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_LIMITS.maxDocumentBytes,
    maxNestingDepth: options.maxNestingDepth ?? DEFAULT_LIMITS.maxNestingDepth,
    maxAliasExpansion: options.maxAliasExpansion ?? DEFAULT_LIMITS.maxAliasExpansion,
    maxRefExpansion: options.maxRefExpansion ?? DEFAULT_LIMITS.maxRefExpansion,
  };
  installLinearRegExp();
  installCompiledSchemaCache();
  installNativeJsonPathEngine();
  installPointerCache();
  const instrumentation = instrumentRuleset(ruleset, { timing: options.timing ?? false });
  const runNodeLocalRulesUnresolved = nodeLocalRuleSwitch(ruleset);

  const findings: Finding[] = [];
  for (const file of files) {
    const spec = await loadSpec(file, limits).catch((error: unknown) => {
      throw explainRunFailure(error, file);
    });
    const specDir = await realpath(dirname(file));
    const spectral = new Spectral({
      resolver: createPolicyResolver({
        allowedRoots: [specDir, cwdReal],
        allowExternalRefs: options.allowExternalRefs ?? false,
        allowRemoteRefs: options.allowRemoteRefs ?? false,
        maxFileBytes: limits.maxDocumentBytes,
        maxNestingDepth: limits.maxNestingDepth,
        maxAliasExpansion: limits.maxAliasExpansion,
      }),
    });
    runNodeLocalRulesUnresolved(!spec.externalRefs);
    spectral.setRuleset(ruleset);
    const warningsBefore = instrumentation.patternWarnings().length;
    let diagnostics: ISpectralDiagnostic[];
    try {
      diagnostics = await spectral.run(spec.document, { ignoreUnknownFormat: true });
    } catch (error) {
      throw explainRunFailure(error, file);
    }
    failOnUnresolvableRefs(diagnostics, file);
    findings.push(...diagnostics.map((diagnostic) => toFinding(diagnostic, file)));
    const newWarnings = instrumentation.patternWarnings().slice(warningsBefore);
    findings.push(...newWarnings.map((warning) => patternWarningFinding(warning, spec.document, file)));
  }
  findings.sort(compareFindings);
  return {
    findings: await dropInlineIgnored(findings),
    files,
    rules: describeRules(ruleset),
    rulesetSource: source,
    ...(options.timing ? { timings: instrumentation.timings() } : {}),
  };
}

/**
 * A recursive walk in a dependency that runs out of stack despite the nesting limit (a user raised it, or a
 * `$ref` chain is extremely long) is still an input problem: say so in one line instead of crashing.
 */
function explainRunFailure(error: unknown, file: string): unknown {
  const stackOverflow = (e: unknown): boolean =>
    (e instanceof RangeError && /call stack/i.test(e.message)) ||
    (e instanceof Error && e.cause !== undefined && stackOverflow(e.cause));
  if (stackOverflow(error)) {
    return new ApigateError(
      'E_LIMIT',
      `${displayPath(file)}: the document (with its $refs) nests too deeply to lint (lower nesting, or check ${LIMIT_FLAGS.maxNestingDepth})`,
    );
  }
  return error;
}

function patternWarningFinding(warning: PatternWarning, document: { getRangeForJsonPath(path: (string | number)[], closest?: boolean): unknown }, file: string): Finding {
  const range = document.getRangeForJsonPath(warning.path, true) as
    | { start: { line: number; character: number }; end: { line: number; character: number } }
    | undefined;
  return {
    ruleId: UNSUPPORTED_PATTERN_RULE,
    message: `pattern ${JSON.stringify(sanitizeText(warning.pattern, 200))} was not checked against examples: the linear-time regex engine cannot express it (${sanitizeText(warning.reason, 200)})`,
    severity: 'warn',
    file,
    ...(range
      ? {
          range: {
            start: { line: range.start.line + 1, column: range.start.character + 1 },
            end: { line: range.end.line + 1, column: range.end.character + 1 },
          },
        }
      : {}),
    path: warning.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    source: 'lint',
  };
}

async function expandPatterns(patterns: string[], cwd: string): Promise<string[]> {
  if (patterns.length === 0) throw new ApigateError('E_USAGE', 'no spec files given');
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false });
      if (matches.length === 0) throw new ApigateError('E_FILE_NOT_FOUND', `${pattern}: no files match this pattern`);
      files.push(...matches.sort());
    } else {
      files.push(resolve(cwd, pattern));
    }
  }
  return [...new Set(files)];
}

async function selectRuleset(
  options: LintOptions,
  config: ApigateConfig | undefined,
  cwd: string,
  access: RulesetAccess,
): Promise<{ ruleset: Ruleset; source: string }> {
  if (options.ruleset) {
    const isBuiltin = options.ruleset.includes(':') && !/^[a-z]:[\\/]/i.test(options.ruleset);
    const reference = isBuiltin ? options.ruleset : resolve(cwd, options.ruleset);
    return { ruleset: await loadRuleset(reference, access), source: options.ruleset };
  }
  if (config) {
    const lintSection = config.lint;
    const inline = Object.fromEntries(Object.entries(lintSection).filter(([key]) => CONFIG_RULESET_KEYS.includes(key)));
    const base = typeof lintSection['ruleset'] === 'string' ? lintSection['ruleset'] : undefined;
    if (Object.keys(inline).length > 0) {
      const definition = { ...inline };
      if (definition['extends'] === undefined) definition['extends'] = [base ?? 'apigate:recommended'];
      const source: RulesetSource = { definition, baseDir: config.dir, origin: config.path };
      return { ruleset: await loadRuleset(source, access), source: displayPath(config.path, cwd) };
    }
    if (base) {
      const reference = base.includes(':') ? base : resolve(config.dir, base);
      return { ruleset: await loadRuleset(reference, access), source: base };
    }
  }
  const spectralFile = await findFirst(cwd, SPECTRAL_RULESET_NAMES);
  if (spectralFile) return { ruleset: await loadRuleset(spectralFile, access), source: displayPath(spectralFile, cwd) };
  return { ruleset: await loadRuleset('apigate:recommended', access), source: 'apigate:recommended' };
}

/**
 * A `$ref` that cannot be resolved leaves a hole in everything the rules see, so it is an input error rather
 * than one finding among many. Spectral reports resolver failures as `invalid-ref` diagnostics.
 */
function failOnUnresolvableRefs(diagnostics: ISpectralDiagnostic[], file: string): void {
  // A remote $ref left unfetched by policy is reported as a finding, as Spectral reports one it cannot fetch.
  for (const diagnostic of diagnostics) {
    if (diagnostic.code === 'invalid-ref') diagnostic.message = diagnostic.message.replace(/^ApigateError: /, '');
  }
  const broken = diagnostics.find(
    (d) => d.code === 'invalid-ref' && d.severity === 0 && !d.message.includes(REMOTE_REFS_OFF) && !isDataPosition(d.path),
  );
  if (!broken) return;
  const where = broken.source ?? file;
  const { line, character } = broken.range.start;
  const code = /refusing to read/.test(broken.message) ? 'E_FORBIDDEN_REF' : 'E_REF';
  throw new ApigateError(code, `${displayPath(where)}:${line + 1}:${character + 1}: ${sanitizeText(describeRefError(broken.message), 600)}`);
}

/**
 * `$ref` means a Reference Object only in the OpenAPI structure; inside extensions and example values it is
 * data that Spectral happens to resolve. A broken one there is reported as a finding, as Spectral does, rather
 * than stopping the lint.
 */
function isDataPosition(path: readonly (string | number)[]): boolean {
  return path.some(
    (segment, index) =>
      (typeof segment === 'string' && (segment.startsWith('x-') || segment === 'example' || segment === 'default' || segment === 'enum')) ||
      (segment === 'examples' && path[index + 2] === 'value'),
  );
}

function describeRefError(message: string): string {
  const text = message.replace(/\s+/g, ' ').trim();
  return /\$ref/i.test(text) ? text : `unresolvable $ref: ${text}`;
}

const SPECTRAL_SEVERITY: Record<number, Severity> = { 0: 'error', 1: 'warn', 2: 'info', 3: 'hint' };

export function toFinding(diagnostic: ISpectralDiagnostic, file: string): Finding {
  const { start, end } = diagnostic.range;
  return {
    ruleId: String(diagnostic.code),
    message: diagnostic.message,
    severity: SPECTRAL_SEVERITY[diagnostic.severity] ?? 'error',
    file: diagnostic.source ?? file,
    range: {
      start: { line: start.line + 1, column: start.character + 1 },
      end: { line: end.line + 1, column: end.character + 1 },
    },
    path: diagnostic.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    source: 'lint',
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
    (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

function describeRules(ruleset: Ruleset): RuleMeta[] {
  return Object.values(ruleset.rules)
    .filter((rule) => rule.enabled)
    .map((rule) => ({
      id: rule.name,
      description: rule.description ?? rule.message ?? rule.name,
      severity: SEVERITIES[rule.severity as number] ?? 'warn',
      documentationUrl: rule.documentationUrl ?? ruleDocumentationUrl(rule.name),
    }));
}
