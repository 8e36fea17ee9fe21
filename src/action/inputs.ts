import { ApigateError } from '../errors.js';
import { isSeverity, type Severity } from '../types.js';

/** The action's inputs, read from the `INPUT_*` variables the runner sets (never from a shell line). */
export interface ActionInputs {
  specs: string[];
  ruleset?: string;
  config?: string;
  failSeverity: Severity;
  baseline?: string;
  baseUrl?: string;
  coverageMinOperations?: number;
  coverageMinResponses?: number;
  sarifFile?: string;
  comment: boolean;
  githubToken?: string;
  diffBase?: string;
  workingDirectory: string;
}

/**
 * The runner names the variable `INPUT_` + the input name upper-cased with spaces turned into underscores;
 * hyphens stay. The underscore spelling is accepted too, for people who set the variables by hand.
 */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  const upper = name.replace(/ /g, '_').toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const optional = (name: string): string | undefined => getInput(env, name) || undefined;
  const specs = getInput(env, 'spec')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (specs.length === 0) throw new ApigateError('E_USAGE', 'input "spec" is empty: give the OpenAPI file(s) or globs to check, one per line');
  const failSeverity = getInput(env, 'fail-severity') || 'error';
  if (!isSeverity(failSeverity)) {
    throw new ApigateError('E_USAGE', `input "fail-severity": "${failSeverity}" is not one of error, warn, info, hint`);
  }
  const baseUrl = optional('base-url');
  const coverageMinOperations = percent(env, 'coverage-min-operations');
  const coverageMinResponses = percent(env, 'coverage-min-responses');
  if (!baseUrl && (coverageMinOperations !== undefined || coverageMinResponses !== undefined)) {
    throw new ApigateError('E_USAGE', 'inputs "coverage-min-*" measure a contract run: set "base-url" too');
  }
  return {
    specs,
    ruleset: optional('ruleset'),
    config: optional('config'),
    failSeverity,
    baseline: optional('baseline'),
    baseUrl,
    coverageMinOperations,
    coverageMinResponses,
    sarifFile: optional('sarif-file'),
    comment: flag(env, 'comment'),
    githubToken: optional('github-token'),
    diffBase: optional('diff-base'),
    workingDirectory: getInput(env, 'working-directory') || '.',
  };
}

function percent(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = getInput(env, name);
  if (text === '') return undefined;
  const value = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new ApigateError('E_USAGE', `input "${name}": "${text}" is not a percentage between 0 and 100`);
  }
  return value;
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = getInput(env, name);
  if (text === '' || /^(false|False|FALSE)$/.test(text)) return false;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  throw new ApigateError('E_USAGE', `input "${name}": "${text}" is not true or false`);
}
