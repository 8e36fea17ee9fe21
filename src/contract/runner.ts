import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { randomInt } from 'node:crypto';
import { ApigateError } from '../errors.js';
import { planCases } from './cases/plan.js';
import { flowCases, planFlows, type ResourceFlow } from './flows/plan.js';
import { runFlow } from './flows/run.js';
import type { FlowExchange } from './checks/stateful/index.js';
import { cleanUp, type CreatedResource } from './cleanup.js';
import { createEngine, prepareValidation, TRANSPORT_ERROR, type ContractEngine } from './engine.js';
import { curlCommand } from './curl.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS, HttpClient, type TransportFailure } from './http/client.js';
import type { Identity } from './identity.js';
import { createRedactor, type Redactor } from './redact.js';
import type { CaseRecord, ContractReport, FailureRecord, PlannedRecord, ReportedRequest, ReportedResponse } from './report/types.js';
import { scenariosByOperation } from './report/scenarios.js';
import { selectOperations } from './select.js';
import { loadSpec } from './spec/load.js';
import type { CheckFailure, ContractOptions, OperationKind, OperationModel, ReceivedResponse, SpecModel, TestCase } from './types.js';

export interface Shard {
  /** 1-based. */
  index: number;
  total: number;
}

export interface RunContractOptions {
  /** A spec file, an explicit http(s) URL, or an already loaded model. */
  spec: string | SpecModel;
  baseUrl: string;
  /** Check ids to run (empty: all) and to leave out. */
  checks?: string[];
  excludeChecks?: string[];
  /** Prepared checks and validator; built from `checks`/`excludeChecks` when absent. */
  engine?: ContractEngine;
  identities?: Identity[];
  cwd?: string;
  seed?: number;
  shard?: Shard;
  /** Globs over `METHOD /path`, path or operationId; empty means all. */
  operations?: string[];
  excludeOperations?: string[];
  strict?: boolean;
  dryRun?: boolean;
  readOnly?: boolean;
  insecure?: boolean;
  followRedirects?: boolean;
  concurrency?: number;
  timeoutMs?: number;
  maxResponseTimeMs?: number;
  maxBodyBytes?: number;
  /** Whole-run and per-operation request budgets, and a whole-run time budget. */
  maxRequests?: number;
  maxRequestsPerOperation?: number;
  maxDurationMs?: number;
  /** Time one operation's cases may take, from its first request. */
  maxOperationDurationMs?: number;
  allowExternalRefs?: boolean;
  /** Called after each case finishes (progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULTS = {
  concurrency: 4,
  maxRequests: 10_000,
  maxRequestsPerOperation: 200,
  maxDurationMs: 15 * 60_000,
  maxOperationDurationMs: 5 * 60_000,
} as const;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Deletes run last so they cannot remove what other cases read; everything else in spec order. */
const PHASES: OperationKind[][] = [['read'], ['create'], ['update', 'other'], ['delete']];
const BODY_EXCERPT = 2_000;

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ApigateError('E_USAGE', `--base-url: "${baseUrl}" is not a URL (e.g. http://127.0.0.1:3000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ApigateError('E_USAGE', `--base-url: ${baseUrl} must be http or https`);
  return url;
}

/** Fails fast with one line when nothing listens, instead of one transport_error per case. */
async function ensureReachable(url: URL, timeoutMs: number, insecure: boolean): Promise<void> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    const socket =
      url.protocol === 'https:'
        ? tlsConnect({ host, port, servername: /^[\d.]+$|:/.test(host) ? undefined : host, rejectUnauthorized: !insecure })
        : connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ApigateError('E_NETWORK', `cannot connect to ${url.origin}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(error.code ?? '');
      reject(
        new ApigateError(
          'E_NETWORK',
          tls
            ? `cannot connect to ${url.origin}: the TLS certificate is not trusted (${error.code}); pass --insecure to accept it`
            : `cannot connect to ${url.origin}: ${error.code ?? error.message}`,
        ),
      );
    });
  });
}

function excerpt(text: string): string {
  return text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}… (${text.length} characters)` : text;
}

function reportedRequest(testCase: TestCase, redactor: Redactor): ReportedRequest {
  const request: ReportedRequest = {
    method: testCase.request.method,
    url: redactor.url(testCase.request.url),
    headers: redactor.headers(testCase.request.headers),
  };
  if (testCase.request.body !== undefined) request.body = redactor.text(testCase.request.body);
  return request;
}

function reportedResponse(response: ReceivedResponse | TransportFailure, redactor: Redactor): ReportedResponse | null {
  if ('bodyText' in response) return { status: response.status, headers: redactor.headers(response.headers), body: redactor.text(excerpt(response.bodyText)) };
  if (response.status === undefined) return null;
  return { status: response.status, headers: redactor.headers(response.headers ?? {}), body: '' };
}

/** Runs `tasks` with at most `limit` in flight, in order of start. */
async function runPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  });
  await Promise.all(workers);
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || index < 1 || index > total) throw new ApigateError('E_USAGE', `--shard: "${text}" must be I/N with 1 <= I <= N, e.g. 1/4`);
  return { index, total };
}

/**
 * The contract run: load the spec, plan every case as data, keep this shard's and this run's allowed
 * cases, send them through one bounded client, run the selected checks on each exchange, clean up what
 * was created, and return a report whose text is already redacted. It never stops at the first failure.
 */
export async function runContract(options: RunContractOptions): Promise<ContractReport> {
  const started = performance.now();
  const base = parseBaseUrl(options.baseUrl);
  const spec = typeof options.spec === 'string' ? await loadSpec(options.spec, { cwd: options.cwd, allowExternalRefs: options.allowExternalRefs }) : options.spec;
  const engine = options.engine ?? createEngine(spec, options.checks ?? [], options.excludeChecks ?? []);
  const identities = options.identities ?? [];
  const seed = options.seed ?? randomInt(1, 2 ** 31 - 1);
  const redactor = createRedactor(identities, spec.securitySchemes);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  const maxRequests = options.maxRequests ?? DEFAULTS.maxRequests;
  const maxPerOperation = options.maxRequestsPerOperation ?? DEFAULTS.maxRequestsPerOperation;
  const maxDurationMs = options.maxDurationMs ?? DEFAULTS.maxDurationMs;
  const maxOperationDurationMs = options.maxOperationDurationMs ?? DEFAULTS.maxOperationDurationMs;
  const warnings: string[] = [];

  const excluded = options.excludeOperations ?? [];
  let operations = selectOperations(spec.operations, options.operations ?? [], excluded);
  if ((options.operations ?? []).length > 0 && operations.length === 0) {
    throw new ApigateError('E_USAGE', `--operations: no operation of ${spec.source} matches ${options.operations!.join(', ')}`);
  }
  if (options.readOnly) operations = operations.filter((operation) => READ_METHODS.has(operation.method));

  const planOptions = { baseUrl: base.toString(), seed, identities };
  const plan = planCases(spec, operations, planOptions);
  warnings.push(...plan.warnings);
  const inShard = (_: unknown, index: number): boolean => !options.shard || index % options.shard.total === options.shard.index - 1;
  const shardCases = plan.cases.filter(inShard);
  // A flow's steps depend on each other, so a shard takes whole flows.
  const flows: ResourceFlow[] = planFlows(spec, operations, planOptions).flows.filter(inShard);
  const flowCaseList = flows.flatMap(flowCases);
  const allCases = [...shardCases, ...flowCaseList];

  const report: ContractReport = {
    summary: { operations: new Set(allCases.map((testCase) => testCase.operation.key)).size, cases: allCases.length, passed: 0, failed: 0, skipped: 0, duration_ms: 0 },
    failures: [],
    cases: [],
    seed,
    base_url: redactor.url(base.toString()),
    spec: spec.source,
    dry_run: options.dryRun ?? false,
    read_only: options.readOnly ?? false,
    checks: [...engine.checks.map((check) => check.id), ...(engine.reportTransportErrors ? [TRANSPORT_ERROR] : [])],
    warnings,
    cleanup: { created: 0, deleted: 0, left: [] },
    planned: [],
    scenarios: {},
  };
  if (options.shard) report.shard = `${options.shard.index}/${options.shard.total}`;

  if (options.dryRun) {
    report.planned = allCases.map((testCase): PlannedRecord => {
      const request = reportedRequest(testCase, redactor);
      // A flow's ids are learnt at run time: show `{team_id}` where the created resource's id will go.
      request.url = request.url.replace(/%7B%7B([^/?#&]*?)%7D%7D/gi, (_match, name: string) => `{${decodeURIComponent(name)}}`);
      return { case: testCase.id, operation: testCase.operation.key, kind: testCase.kind, identity: testCase.identity, scenario: testCase.scenario, intent: testCase.intent, request, curl: curlCommand(request) };
    });
    report.cases = allCases.map((testCase) => caseRecord(testCase, null, 0, [], 'skipped', 'dry run'));
    report.scenarios = scenariosByOperation(allCases);
    report.summary.skipped = allCases.length;
    report.summary.duration_ms = Math.round(performance.now() - started);
    return report;
  }

  if (allCases.length > 0) await ensureReachable(base, Math.min(timeoutMs, 10_000), options.insecure ?? false);
  prepareValidation(engine, [...new Set(allCases.map((testCase) => testCase.operation))]);

  const client = new HttpClient({
    connections: concurrency,
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    followRedirects: options.followRedirects ?? false,
    insecure: options.insecure ?? false,
    credentialHeaders: identities.flatMap((identity) => Object.keys(identity.headers)),
    credentialQuery: identities.flatMap((identity) => Object.keys(identity.query)),
  });
  const contractOptions: ContractOptions = { strict: options.strict ?? true };
  if (options.maxResponseTimeMs !== undefined) contractOptions.maxResponseTimeMs = options.maxResponseTimeMs;

  const records = new Map<TestCase, CaseRecord>();
  const created: CreatedResource[] = [];
  const perOperation = new Map<string, number>();
  const operationStarted = new Map<string, number>();
  const warned = new Set<string>();
  let sent = 0;
  let done = 0;
  const budgetSkip = (testCase: TestCase): string | undefined => {
    if (sent >= maxRequests) return `the run's budget of ${maxRequests} requests is spent`;
    if ((perOperation.get(testCase.operation.key) ?? 0) >= maxPerOperation) return `the operation's budget of ${maxPerOperation} requests is spent`;
    if (performance.now() - started > maxDurationMs) return `the run's time budget of ${maxDurationMs} ms is spent`;
    const first = operationStarted.get(testCase.operation.key);
    if (first !== undefined && performance.now() - first > maxOperationDurationMs) return `the operation's time budget of ${maxOperationDurationMs} ms is spent`;
    return undefined;
  };

  /** Sends one case (`resolved` is the planned case with a flow's ids filled in) and runs the single-exchange checks. */
  const execute = async (testCase: TestCase, resolved: TestCase = testCase): Promise<ReceivedResponse | undefined> => {
    let received: ReceivedResponse | undefined;
    const skip = budgetSkip(testCase);
    if (skip) {
      records.set(testCase, caseRecord(testCase, null, 0, [], 'skipped', skip));
      if (!warned.has(skip)) {
        warned.add(skip);
        warnings.push(`cases skipped: ${skip}`);
      }
    } else {
      sent++;
      if (!operationStarted.has(testCase.operation.key)) operationStarted.set(testCase.operation.key, performance.now());
      perOperation.set(testCase.operation.key, (perOperation.get(testCase.operation.key) ?? 0) + 1);
      const exchange = await client.send(resolved.request);
      const failures: FailureRecord[] = [];
      if (!exchange.ok) {
        if (engine.reportTransportErrors) {
          failures.push(failureRecord(resolved, TRANSPORT_ERROR, { message: exchange.failure.message, expected: 'a complete, readable HTTP response', received: exchange.failure.code }, exchange.failure, redactor));
        }
        records.set(testCase, caseRecord(testCase, exchange.failure.status ?? null, exchange.failure.durationMs, failures, failures.length > 0 ? 'failed' : 'passed'));
      } else {
        const response = exchange.response;
        received = response;
        for (const check of engine.checks) {
          let results: CheckFailure[];
          try {
            results = check.run({ spec, operation: testCase.operation, testCase: resolved, response, options: contractOptions, validator: engine.validator });
          } catch (error) {
            results = [{ message: `the check could not run: ${(error as Error).message}`, severity: 'warn' }];
          }
          for (const result of results) {
            if (result.severity && result.severity !== 'error') {
              warn(`${check.id}: ${testCase.operation.key}: ${result.message}`);
              continue;
            }
            failures.push(failureRecord(resolved, check.id, result, response, redactor));
          }
        }
        // Any accepted create made something, a wrongly accepted negative case too; flows register their own.
        const flowCase = testCase.kind.startsWith('stateful_') || testCase.kind.startsWith('bola_');
        if (testCase.operation.kind === 'create' && !flowCase && response.status >= 200 && response.status < 300) created.push({ operation: testCase.operation, testCase, response });
        records.set(testCase, caseRecord(testCase, response.status, response.durationMs, failures, failures.length > 0 ? 'failed' : 'passed'));
      }
      report.failures.push(...failures);
    }
    options.onProgress?.(++done, allCases.length);
    return received;
  };
  const warn = (text: string): void => {
    const redacted = redactor.text(text);
    if (!warned.has(redacted)) {
      warned.add(redacted);
      warnings.push(redacted);
    }
  };
  const gone = new Set<CreatedResource>();
  const owner = identities[0]?.name ?? 'anonymous';
  const flowHooks = {
    send: execute,
    skip: (testCase: TestCase, reason: string): void => {
      records.set(testCase, caseRecord(testCase, null, 0, [], 'skipped', reason));
      options.onProgress?.(++done, allCases.length);
    },
    fail: (check: string, on: TestCase, evidence: FlowExchange, failure: CheckFailure): void => {
      const record = failureRecord(evidence.testCase, check, failure, evidence.response, redactor);
      // Reported on the case whose promise was broken (the create, the delete, the intruder's attempt).
      Object.assign(record, { operation: on.operation.key, operation_id: on.operation.operationId ?? null, case: on.id, kind: on.kind, identity: on.identity, scenario: on.scenario });
      report.failures.push(record);
      const caseRecordOfOn = records.get(on);
      if (caseRecordOfOn) {
        caseRecordOfOn.outcome = 'failed';
        caseRecordOfOn.ok = false;
        if (!caseRecordOfOn.checks_failed.includes(check)) caseRecordOfOn.checks_failed.push(check);
      }
    },
    warn,
    created: (resource: CreatedResource): void => {
      created.push(resource);
    },
    gone: (resource: CreatedResource): void => {
      gone.add(resource);
    },
    checks: engine.statefulChecks,
    owner,
  };

  try {
    for (const kinds of PHASES) {
      // Flows follow the resources they create themselves, so they run before the deletes of example data.
      if (kinds.includes('delete')) await runPool(flows, concurrency, (flow) => runFlow(flow, new Map(), flowHooks));
      await runPool(shardCases.filter((testCase) => kinds.includes(testCase.operation.kind)), concurrency, (testCase) => execute(testCase).then(() => undefined));
    }
    const allowedOperation = (operation: OperationModel): boolean =>
      !excluded.some((pattern) => selectOperations([operation], [pattern], []).length > 0) && !(options.readOnly ?? false);
    report.cleanup = await cleanUp(spec, created.filter((resource) => !gone.has(resource)), client, allowedOperation);
    // What the flows deleted themselves counts as created and deleted.
    report.cleanup.created += gone.size;
    report.cleanup.deleted += gone.size;
    for (const left of report.cleanup.left) warnings.push(redactor.text(`cleanup: ${left}`));
  } finally {
    await client.close();
  }

  // Cases and failures in plan order, whatever order the pool finished them in.
  report.cases = allCases.map((testCase) => records.get(testCase) ?? caseRecord(testCase, null, 0, [], 'skipped', 'not reached'));
  report.scenarios = scenariosByOperation(allCases.filter((testCase) => records.get(testCase)?.outcome !== 'skipped'));
  const order = new Map(allCases.map((testCase, index) => [testCase.id, index]));
  report.failures.sort((a, b) => (order.get(a.case) ?? 0) - (order.get(b.case) ?? 0));
  report.summary.passed = report.cases.filter((record) => record.outcome === 'passed').length;
  report.summary.failed = report.cases.filter((record) => record.outcome === 'failed').length;
  report.summary.skipped = report.cases.filter((record) => record.outcome === 'skipped').length;
  report.summary.duration_ms = Math.round(performance.now() - started);
  return report;
}

function caseRecord(
  testCase: TestCase,
  status: number | null,
  durationMs: number,
  failures: FailureRecord[],
  outcome: CaseRecord['outcome'],
  skippedReason?: string,
): CaseRecord {
  const record: CaseRecord = {
    case: testCase.id,
    operation: testCase.operation.key,
    kind: testCase.kind,
    identity: testCase.identity,
    scenario: testCase.scenario,
    status,
    duration_ms: durationMs,
    ok: outcome === 'passed',
    outcome,
    checks_failed: [...new Set(failures.map((failure) => failure.check))],
  };
  if (skippedReason) record.skipped_reason = skippedReason;
  return record;
}

function failureRecord(
  testCase: TestCase,
  check: string,
  result: CheckFailure,
  response: ReceivedResponse | TransportFailure,
  redactor: Redactor,
): FailureRecord {
  const request = reportedRequest(testCase, redactor);
  const record: FailureRecord = {
    check,
    operation: testCase.operation.key,
    operation_id: testCase.operation.operationId ?? null,
    case: testCase.id,
    kind: testCase.kind,
    identity: testCase.identity,
    scenario: testCase.scenario,
    message: redactor.text(result.message),
    request,
    response: reportedResponse(response, redactor),
    curl: curlCommand(request),
  };
  if (result.expected !== undefined) record.expected = redactor.text(result.expected);
  if (result.received !== undefined) record.received = redactor.text(result.received);
  return record;
}
