import { Command, Option } from 'commander';
import { discoverConfig, type ApigateConfig } from '../config.js';
import { ApigateError } from '../errors.js';
import { identitiesFromConfig, identityFromAuthFlag, type Identity } from '../contract/identity.js';
import { CONTRACT_FORMAT_NAMES, getContractFormatter } from '../contract/report/index.js';
import { parseShard, runContract, type RunContractOptions } from '../contract/runner.js';
import { writeFileAtomic } from '../util/files.js';
import { displayPath } from '../util/paths.js';
import { parsePositiveInteger, type CliIo } from './io.js';

interface ContractFlags {
  spec?: string;
  baseUrl?: string;
  config?: string;
  auth?: string;
  report: string;
  output?: string;
  concurrency?: string;
  timeout?: string;
  maxResponseTime?: string;
  checks?: string;
  excludeChecks?: string;
  operations?: string[];
  seed?: string;
  shard?: string;
  strict: boolean;
  dryRun?: boolean;
  readOnly?: boolean;
  insecure?: boolean;
  followRedirects?: boolean;
}

const CONFIG_KEYS = [
  'spec',
  'base_url',
  'identities',
  'operations',
  'max_response_time_ms',
  'timeout_ms',
  'concurrency',
  'max_requests',
  'max_requests_per_operation',
  'max_duration_ms',
  'max_operation_duration_ms',
];

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function configNumber(section: Record<string, unknown>, key: string, shown: string): number | undefined {
  const value = section[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ApigateError('E_CONFIG', `${shown}: contract.${key} must be a positive whole number`);
  }
  return value;
}

/** The `contract:` section as runner options; flags given on the command line win over it. */
function fromConfig(config: ApigateConfig | undefined): Partial<RunContractOptions> & { excludeOperations: string[]; identities: Identity[] } {
  if (!config) return { excludeOperations: [], identities: [] };
  const section = config.contract;
  const shown = displayPath(config.path);
  const unknown = Object.keys(section).find((key) => !CONFIG_KEYS.includes(key));
  if (unknown) throw new ApigateError('E_CONFIG', `${shown}: unknown key contract.${unknown} (expected ${CONFIG_KEYS.join(', ')})`);
  const operations = section['operations'];
  let excludeOperations: string[] = [];
  if (operations !== undefined && operations !== null) {
    const exclude = (operations as Record<string, unknown>)['exclude'];
    if (typeof operations !== 'object' || Array.isArray(operations) || (exclude !== undefined && !Array.isArray(exclude))) {
      throw new ApigateError('E_CONFIG', `${shown}: contract.operations must be a mapping with an "exclude" list`);
    }
    excludeOperations = ((exclude as unknown[] | undefined) ?? []).map(String);
  }
  const result: Partial<RunContractOptions> & { excludeOperations: string[]; identities: Identity[] } = {
    excludeOperations,
    identities: identitiesFromConfig(section['identities'], shown),
  };
  if (typeof section['spec'] === 'string') result.spec = section['spec'];
  if (typeof section['base_url'] === 'string') result.baseUrl = section['base_url'];
  const numbers: Array<[string, keyof RunContractOptions]> = [
    ['max_response_time_ms', 'maxResponseTimeMs'],
    ['timeout_ms', 'timeoutMs'],
    ['concurrency', 'concurrency'],
    ['max_requests', 'maxRequests'],
    ['max_requests_per_operation', 'maxRequestsPerOperation'],
    ['max_duration_ms', 'maxDurationMs'],
    ['max_operation_duration_ms', 'maxOperationDurationMs'],
  ];
  for (const [key, option] of numbers) {
    const value = configNumber(section, key, shown);
    if (value !== undefined) (result as Record<string, unknown>)[option] = value;
  }
  return result;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function contractCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('contract')
    .description('Test a running server against its OpenAPI document: generated cases, checks on every response.')
    .option('--spec <file|url>', 'the OpenAPI 3.0/3.1 document (a URL is fetched only when given here)')
    .option('--base-url <url>', 'where the server listens, e.g. http://127.0.0.1:3000')
    .option('-c, --config <file>', 'config file (default: apigate.config.yaml in the working directory)')
    .option('--auth <credential>', 'credentials of the default identity: bearer:TOKEN or header:Name=VALUE')
    .addOption(new Option('--report <format>', 'report format').choices(CONTRACT_FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--concurrency <n>', 'requests in flight at once (default 4)')
    .option('--timeout <ms>', 'overall deadline per request in milliseconds (default 30000)')
    .option('--max-response-time <ms>', 'fail max_response_time when a response takes longer')
    .option('--checks <ids>', 'comma-separated check ids to run (default: all)')
    .option('--exclude-checks <ids>', 'comma-separated check ids to skip')
    .option('--operations <glob>', 'only operations matching: "GET /v1/teams*", a path or an operationId (repeatable)', collect)
    .option('--seed <n>', 'seed for generated values; a run with the same seed sends the same requests')
    .option('--shard <i/n>', 'run only the i-th of n slices of the cases, e.g. 1/4')
    .option('--no-strict', 'do not fail on properties the response schema does not declare')
    .option('--dry-run', 'print every planned request without sending anything')
    .option('--read-only', 'send only GET, HEAD and OPTIONS requests')
    .option('--insecure', 'accept TLS certificates that do not verify')
    .option('--follow-redirects', 'follow redirects (credentials never go to another origin)')
    .action(async (flags: ContractFlags) => {
      const config = await discoverConfig(flags.config, io.cwd);
      const configured = fromConfig(config);
      const spec = flags.spec ?? configured.spec;
      if (!spec) throw new ApigateError('E_USAGE', 'contract: --spec is required (a file or an http(s) URL)');
      const baseUrl = flags.baseUrl ?? configured.baseUrl;
      if (!baseUrl) throw new ApigateError('E_USAGE', 'contract: --base-url is required (or contract.base_url in the config)');
      const identities = flags.auth ? [identityFromAuthFlag(flags.auth), ...configured.identities] : configured.identities;
      const seedText = flags.seed;
      if (seedText !== undefined && !/^\d{1,10}$/.test(seedText.trim())) throw new ApigateError('E_USAGE', `--seed: "${seedText}" is not a whole number`);

      const options: RunContractOptions = {
        ...configured,
        spec,
        baseUrl,
        identities,
        cwd: io.cwd,
        checks: list(flags.checks),
        excludeChecks: list(flags.excludeChecks),
        operations: flags.operations ?? [],
        excludeOperations: configured.excludeOperations,
        strict: flags.strict,
        dryRun: flags.dryRun ?? false,
        readOnly: flags.readOnly ?? false,
        insecure: flags.insecure ?? false,
        followRedirects: flags.followRedirects ?? false,
      };
      // A spec path from the config file is relative to that file, like every other path in it.
      if (!flags.spec && config && typeof configured.spec === 'string' && !/^https?:\/\//i.test(configured.spec)) options.cwd = config.dir;
      if (seedText !== undefined) options.seed = Number(seedText) >>> 0;
      if (flags.shard) options.shard = parseShard(flags.shard);
      if (flags.concurrency) options.concurrency = parsePositiveInteger(flags.concurrency, '--concurrency');
      if (flags.timeout) options.timeoutMs = parsePositiveInteger(flags.timeout, '--timeout');
      if (flags.maxResponseTime) options.maxResponseTimeMs = parsePositiveInteger(flags.maxResponseTime, '--max-response-time');
      const formatter = getContractFormatter(flags.report);

      const progress = io.color && flags.report === 'stylish' && !flags.output && !options.dryRun;
      if (progress) {
        options.onProgress = (done, total) => {
          io.stderr(`\r${done}/${total} cases`);
          if (done === total) io.stderr('\r\u001b[K');
        };
      }
      const report = await runContract(options);
      const output = formatter(report, { color: io.color && !flags.output });
      if (flags.output) {
        await writeFileAtomic(flags.output, output);
        io.stderr(
          `apigate contract: ${report.summary.failed} failed, ${report.summary.passed} passed of ${report.summary.cases} cases; report written to ${displayPath(flags.output, io.cwd)}; seed ${report.seed}\n`,
        );
      } else {
        io.stdout(output);
        if (flags.report !== 'stylish') io.stderr(`apigate contract: seed ${report.seed}\n`);
      }
      setExitCode(report.summary.failed > 0 ? 1 : 0);
    });
}
