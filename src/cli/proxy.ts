import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadSpec } from '../contract/spec/load.js';
import { ApigateError } from '../errors.js';
import { coverageSpecFromModel } from '../coverage/spec.js';
import type { TrafficExchange } from '../coverage/readers/traffic.js';
import { startProxy } from '../proxy/proxy.js';
import { proxyValidatorFor } from '../proxy/checks.js';
import { PROXY_CHECK_IDS } from '../proxy/validate.js';
import { selectChecks } from '../contract/checks/index.js';
import { sanitizeText } from '../util/escape.js';
import { parsePositiveInteger, type CliIo } from './io.js';

interface ProxyFlags {
  spec: string;
  target: string;
  port: string;
  host: string;
  record?: string;
  timeout: string;
  strict: boolean;
  maxResponseTime?: string;
  checks?: string;
  excludeChecks?: string;
}

function splitList(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',');
}

function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new ApigateError('E_USAGE', `--port: "${text}" is not a port number (0 picks a free port)`);
  return Number(text);
}

/** Resolves when the process is asked to stop; the proxy then drains and writes its record. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolveSignal(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export function proxyCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('proxy')
    .description('Relay a test suite\'s requests to the server, validate every exchange against the spec, and record them for coverage.')
    .requiredOption('-s, --spec <file>', 'the OpenAPI document (3.0 or 3.1)')
    .requiredOption('-t, --target <url>', 'the server to relay to, e.g. http://127.0.0.1:3000')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('-r, --record <file>', 'write every exchange to this file (for apigate coverage)')
    .option('--timeout <ms>', 'give up on an upstream request after this long without activity', '120000')
    .option('--no-strict', 'do not report undocumented response properties')
    .option('--max-response-time <ms>', 'report responses slower than this')
    .option('--checks <ids>', `comma-separated check ids to run (default: all that judge a single response: ${PROXY_CHECK_IDS.join(', ')})`)
    .option('--exclude-checks <ids>', 'comma-separated check ids to skip')
    .action(async (flags: ProxyFlags) => {
      const port = parsePort(flags.port);
      const timeoutMs = parsePositiveInteger(flags.timeout, '--timeout');
      const maxResponseTimeMs = flags.maxResponseTime !== undefined ? parsePositiveInteger(flags.maxResponseTime, '--max-response-time') : undefined;
      const model = await loadSpec(flags.spec, { cwd: io.cwd });
      const spec = coverageSpecFromModel(model);
      const checks = selectChecks(splitList(flags.checks), splitList(flags.excludeChecks));
      const validate = proxyValidatorFor(model, { strict: flags.strict, maxResponseTimeMs }, checks);
      const violationsByCheck = new Map<string, number>();
      let unmatched = 0;
      const onExchange = (exchange: TrafficExchange): void => {
        const line = `${sanitizeText(exchange.method, 10)} ${sanitizeText(exchange.url, 300)} → ${exchange.status ?? 'no response'}`;
        if (exchange.operation === null) {
          unmatched += 1;
          io.stdout(`? ${line}  matches no operation of the spec\n`);
        }
        if (exchange.error !== undefined) io.stderr(`! ${line}: ${sanitizeText(exchange.error, 300)}\n`);
        for (const violation of exchange.violations) {
          violationsByCheck.set(violation.check, (violationsByCheck.get(violation.check) ?? 0) + 1);
          io.stdout(`✗ ${line}  ${violation.check}: ${sanitizeText(violation.message, 500)}\n`);
        }
      };
      const proxy = await startProxy({
        spec,
        target: flags.target,
        host: flags.host,
        port,
        record: flags.record ? resolve(io.cwd, flags.record) : undefined,
        validate,
        onExchange,
        timeoutMs,
      });
      const stopped = untilSignal();
      io.stdout(`apigate proxy listening on ${proxy.url} → ${sanitizeText(flags.target, 300)}${flags.record ? `, recording to ${sanitizeText(flags.record, 300)}` : ''}\n`);
      const signal = await stopped;
      const pending = proxy.pending;
      io.stdout(`apigate proxy: ${signal} received; finishing ${pending} exchange${pending === 1 ? '' : 's'} in flight and writing the record\n`);
      await proxy.close();
      const total = proxy.exchanges.length;
      const violations = [...violationsByCheck.values()].reduce((sum, count) => sum + count, 0);
      const byCheck = [...violationsByCheck.entries()].sort((a, b) => b[1] - a[1]).map(([check, count]) => `${check} ${count}`).join(', ');
      io.stdout(
        `\napigate proxy stopped (${signal}): ${total} exchange${total === 1 ? '' : 's'}, ${unmatched} matched no operation, ` +
          `${violations} violation${violations === 1 ? '' : 's'}${byCheck ? ` (${byCheck})` : ''}` +
          `${flags.record ? `; recorded to ${sanitizeText(flags.record, 300)}` : ''}\n`,
      );
      setExitCode(violations > 0 ? 1 : 0);
    });
}
