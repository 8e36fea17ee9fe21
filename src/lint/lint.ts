import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Spectral, type ISpectralDiagnostic, type Ruleset } from '@stoplight/spectral-core';
import { glob, isDynamicPattern } from 'tinyglobby';
import { discoverConfig, findFirst, SPECTRAL_RULESET_NAMES, type ApigateConfig } from '../config.js';
import { ApigateError } from '../errors.js';
import { SEVERITIES, type Finding, type RuleMeta, type Severity } from '../types.js';
import { displayPath } from '../util/paths.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, loadSpec } from './document.js';
import { createPolicyResolver } from './resolver.js';
import { loadRuleset, type RulesetAccess, type RulesetSource } from './ruleset.js';
import { ruleDocumentationUrl } from '../rulesets/docs.js';

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
}

export interface LintReport {
  findings: Finding[];
  /** Absolute paths of the spec files that were linted. */
  files: string[];
  /** Every rule that was enabled, for formatters that list rules (SARIF). */
  rules: RuleMeta[];
  /** Where the ruleset came from: a built-in name or a file. */
  rulesetSource: string;
}

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
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;

  const findings: Finding[] = [];
  for (const file of files) {
    const spec = await loadSpec(file, { maxDocumentBytes });
    const specDir = await realpath(dirname(file));
    const spectral = new Spectral({
      resolver: createPolicyResolver({
        allowedRoots: [specDir, cwdReal],
        allowExternalRefs: options.allowExternalRefs ?? false,
        allowRemoteRefs: options.allowRemoteRefs ?? false,
        maxFileBytes: maxDocumentBytes,
      }),
    });
    spectral.setRuleset(ruleset);
    const diagnostics = await spectral.run(spec.document, { ignoreUnknownFormat: true });
    failOnUnresolvableRefs(diagnostics, file);
    findings.push(...diagnostics.map((diagnostic) => toFinding(diagnostic, file)));
  }
  findings.sort(compareFindings);
  return { findings, files, rules: describeRules(ruleset), rulesetSource: source };
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
      return { ruleset: await loadRuleset(source, access), source: displayPath(config.path) };
    }
    if (base) {
      const reference = base.includes(':') ? base : resolve(config.dir, base);
      return { ruleset: await loadRuleset(reference, access), source: base };
    }
  }
  const spectralFile = await findFirst(cwd, SPECTRAL_RULESET_NAMES);
  if (spectralFile) return { ruleset: await loadRuleset(spectralFile, access), source: displayPath(spectralFile) };
  return { ruleset: await loadRuleset('apigate:recommended', access), source: 'apigate:recommended' };
}

/**
 * A `$ref` that cannot be resolved leaves a hole in everything the rules see, so it is an input error rather
 * than one finding among many. Spectral reports resolver failures as `invalid-ref` diagnostics.
 */
function failOnUnresolvableRefs(diagnostics: ISpectralDiagnostic[], file: string): void {
  const broken = diagnostics.find((d) => d.code === 'invalid-ref' && d.severity === 0);
  if (!broken) return;
  const where = broken.source ?? file;
  const { line, character } = broken.range.start;
  throw new ApigateError('E_REF', `${displayPath(where)}:${line + 1}:${character + 1}: ${describeRefError(broken.message)}`);
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
