import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApigateError } from '../errors.js';
import { displayPath } from '../util/paths.js';
import { isContractReport, readContractReport } from './readers/contract-report.js';
import { isHar, readHar } from './readers/har.js';
import { isTrafficRecord, readTrafficRecord } from './readers/traffic.js';
import type { CredentialLocation, InputSummary, Observation } from './types.js';

export interface CoverageInput {
  file: string;
  /** Given with `--har`: the file must be a HAR log. */
  har?: boolean;
}

export interface ReadInputsResult {
  observations: Observation[];
  inputs: InputSummary[];
  warnings: string[];
}

export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Reads every input and tells contract reports, proxy recordings and HAR logs apart by their shape, so users
 * can pass shard reports and recordings in one list. Any unreadable input stops the run: a coverage number
 * computed from half the data would look like a real gap.
 */
export async function readCoverageInputs(inputs: CoverageInput[], credentials: CredentialLocation[], cwd: string): Promise<ReadInputsResult> {
  const observations: Observation[] = [];
  const summaries: InputSummary[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const path = resolve(cwd, input.file);
    const shown = displayPath(path, cwd);
    if (seen.has(path)) throw new ApigateError('E_USAGE', `${shown} is given twice (its exchanges would be counted twice)`);
    seen.add(path);
    const data = await readJson(path, shown);
    if (input.har && !isHar(data)) throw new ApigateError('E_PARSE', `--har ${shown}: not a HAR file (no "log.entries" array)`);
    let read: { observations: Observation[]; problems: string[]; seed?: string | number; notes?: string[] };
    let kind: InputSummary['kind'];
    if (isHar(data)) {
      kind = 'har';
      read = readHar(data, shown, credentials);
    } else if (isTrafficRecord(data)) {
      kind = 'traffic';
      read = readTrafficRecord(data, shown, credentials);
    } else if (isContractReport(data)) {
      kind = 'contract';
      read = readContractReport(data, shown);
    } else {
      throw new ApigateError(
        'E_PARSE',
        `${shown}: not a coverage input (expected an "apigate contract --report json" file, an "apigate proxy --record" file, or a HAR log)`,
      );
    }
    if (read.problems.length > 0) {
      warnings.push(`${shown}: skipped ${read.problems.length} malformed entr${read.problems.length === 1 ? 'y' : 'ies'} (${read.problems[0]}${read.problems.length > 1 ? ', …' : ''})`);
    }
    warnings.push(...(read.notes ?? []));
    observations.push(...read.observations);
    summaries.push({ file: shown, kind, exchanges: read.observations.length, ...(read.seed !== undefined ? { seed: read.seed } : {}) });
  }
  const seeds = new Set(summaries.filter((summary) => summary.kind === 'contract' && summary.seed !== undefined).map((summary) => String(summary.seed)));
  if (seeds.size > 1) {
    warnings.push(`the contract reports come from runs with different seeds (${[...seeds].join(', ')}): shards of one run share a seed`);
  }
  return { observations, inputs: summaries, warnings };
}

async function readJson(path: string, shown: string): Promise<unknown> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ApigateError('E_FILE_UNREADABLE', `${shown}: not a regular file`);
    if (info.size > MAX_INPUT_BYTES) throw new ApigateError('E_LIMIT', `${shown}: ${info.size} bytes is over the ${MAX_INPUT_BYTES}-byte input limit`);
  } catch (error) {
    if (error instanceof ApigateError) throw error;
    throw new ApigateError('E_FILE_NOT_FOUND', `${shown}: no such file`);
  }
  const text = await readFile(path, 'utf8');
  if (text.trim() === '') throw new ApigateError('E_EMPTY_FILE', `${shown}: the file is empty`);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ApigateError('E_PARSE', `${shown}: invalid JSON: ${(error as Error).message}`);
  }
}
