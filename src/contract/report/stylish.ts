import pc from 'picocolors';
import { sanitizeText } from '../../util/escape.js';
import type { ContractReport, FailureRecord } from './types.js';
import type { ContractFormatContext } from './index.js';
import { SCENARIO_ORDER } from './scenarios.js';

/** Beyond this many operations the scenario table is a totals line; the JSON report has every operation. */
const SCENARIO_TABLE_LIMIT = 40;

/** Which identity scenarios each operation's cases exercised: the auth axis coverage shows. */
function scenarioLines(report: ContractReport, colors: ReturnType<typeof pc.createColors>, text: (value: string, max?: number) => string): string[] {
  const entries = Object.entries(report.scenarios ?? {});
  if (entries.length === 0) return [];
  const verb = report.dry_run ? 'planned' : 'exercised';
  if (entries.length > SCENARIO_TABLE_LIMIT) {
    const counts = SCENARIO_ORDER.map((scenario) => `${scenario} on ${entries.filter(([, scenarios]) => scenarios.includes(scenario)).length}`);
    return [`${colors.bold('Identity scenarios')} ${verb} (of ${plural(entries.length, 'operation')}): ${counts.join(', ')} (per operation in --report json)`, ''];
  }
  const width = Math.min(60, Math.max(...entries.map(([operation]) => text(operation).length)));
  const lines = [colors.bold(`Identity scenarios ${verb}`)];
  for (const [operation, scenarios] of entries) {
    const marks = SCENARIO_ORDER.map((scenario) => (scenarios.includes(scenario) ? `${colors.green('✓')} ${scenario}` : colors.dim(`· ${scenario}`)));
    lines.push(`  ${text(operation).padEnd(width)}  ${marks.join('  ')}`);
  }
  lines.push('');
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Failures grouped by operation, each with its check id, expectation, evidence and a curl to reproduce it. */
export function formatStylish(report: ContractReport, context: ContractFormatContext): string {
  const colors = pc.createColors(context.color);
  const lines: string[] = [];
  const text = (value: string, max = 500): string => sanitizeText(value, max);

  if (report.dry_run) {
    lines.push(colors.bold(`Dry run: ${plural(report.planned.length, 'planned request')}, nothing sent`), '');
    for (const planned of report.planned) {
      lines.push(`${colors.dim(text(planned.case))}  ${text(planned.intent)}`);
      lines.push(`  ${text(planned.curl, 4000)}`);
    }
    lines.push('');
  }

  const byOperation = new Map<string, FailureRecord[]>();
  for (const failure of report.failures) {
    const list = byOperation.get(failure.operation) ?? [];
    list.push(failure);
    byOperation.set(failure.operation, list);
  }
  for (const [operation, failures] of byOperation) {
    const id = failures[0]?.operation_id ? colors.dim(` (${text(failures[0].operation_id)})`) : '';
    lines.push(colors.underline(text(operation)) + id);
    for (const failure of failures) {
      lines.push(`  ${colors.red('✖')} ${colors.bold(failure.check)}  ${colors.dim(text(`${failure.case} · ${failure.identity} · ${failure.scenario}`))}`);
      lines.push(`    ${text(failure.message)}`);
      if (failure.expected !== undefined) lines.push(`    ${colors.dim('Expected:')} ${text(failure.expected)}`);
      if (failure.received !== undefined) lines.push(`    ${colors.dim('Received:')} ${text(failure.received)}`);
      if (failure.response && failure.response.body !== '') lines.push(`    ${colors.dim('Body:')} ${text(failure.response.body, 300)}`);
      lines.push(`    ${colors.dim('Reproduce:')} ${text(failure.curl, 4000)}`);
    }
    lines.push('');
  }

  lines.push(...scenarioLines(report, colors, text));

  if (report.warnings.length > 0) {
    for (const warning of report.warnings) lines.push(`${colors.yellow('⚠')} ${text(warning)}`);
    lines.push('');
  }

  const failedChecks = new Set(report.failures.map((failure) => failure.check));
  const { summary } = report;
  const counts = [
    summary.failed > 0 ? colors.red(`${summary.failed} failed`) : `${summary.failed} failed`,
    colors.green(`${summary.passed} passed`),
    ...(summary.skipped > 0 ? [`${summary.skipped} skipped`] : []),
  ].join(', ');
  const verdict = summary.failed > 0 ? colors.red('✖') : colors.green('✔');
  lines.push(
    `${verdict} ${plural(summary.operations, 'operation')}, ${plural(summary.cases, 'case')}: ${counts}` +
      `${failedChecks.size > 0 ? ` (${[...failedChecks].join(', ')})` : ''} in ${seconds(summary.duration_ms)}` +
      `${report.shard ? `, shard ${report.shard}` : ''}`,
  );
  const flowCases = report.cases.filter((record) => record.kind.startsWith('stateful_') && record.outcome !== 'skipped').length;
  const probes = report.cases.filter((record) => record.kind.startsWith('bola_') && record.outcome !== 'skipped');
  if (flowCases + probes.length > 0) {
    const refused = probes.filter((record) => record.status === 401 || record.status === 403 || record.status === 404).length;
    const intruders = [...new Set(probes.map((record) => `"${record.identity}"`))].join(', ');
    lines.push(
      `  stateful flows: ${plural(flowCases, 'request')} following created resources` +
        (probes.length > 0 ? `; ${plural(probes.length, 'request')} by ${text(intruders)} on another identity's resources, ${refused} refused` : ''),
    );
  }
  if (report.cleanup.created > 0) lines.push(`  cleanup: ${report.cleanup.deleted} of ${plural(report.cleanup.created, 'created resource')} deleted`);
  lines.push(`  seed ${report.seed} (repeat this run with --seed ${report.seed})`);
  return `${lines.join('\n')}\n`;
}
