import { escapeXml, sanitizeText } from '../../util/escape.js';
import type { ContractReport, FailureRecord } from './types.js';

function attribute(value: string): string {
  return escapeXml(sanitizeText(value, 2000));
}

/** One testsuite per operation, one testcase per case; a failed check is a <failure> typed with its id. */
export function formatJunit(report: ContractReport): string {
  const failuresByCase = new Map<string, FailureRecord[]>();
  for (const failure of report.failures) {
    const list = failuresByCase.get(failure.case) ?? [];
    list.push(failure);
    failuresByCase.set(failure.case, list);
  }
  const operations = new Map<string, typeof report.cases>();
  for (const record of report.cases) {
    const list = operations.get(record.operation) ?? [];
    list.push(record);
    operations.set(record.operation, list);
  }
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="apigate contract" tests="${report.summary.cases}" failures="${report.summary.failed}" skipped="${report.summary.skipped}" time="${seconds(report.summary.duration_ms)}">`,
  ];
  for (const [operation, records] of operations) {
    const failed = records.filter((record) => record.outcome === 'failed').length;
    const skipped = records.filter((record) => record.outcome === 'skipped').length;
    const time = records.reduce((total, record) => total + record.duration_ms, 0);
    lines.push(`  <testsuite name="${attribute(operation)}" tests="${records.length}" failures="${failed}" skipped="${skipped}" time="${seconds(time)}">`);
    for (const record of records) {
      const open = `    <testcase name="${attribute(record.case)}" classname="${attribute(operation)}" time="${seconds(record.duration_ms)}"`;
      const failures = failuresByCase.get(record.case) ?? [];
      if (record.outcome === 'skipped') {
        lines.push(`${open}>`, `      <skipped message="${attribute(record.skipped_reason ?? 'not run')}"/>`, '    </testcase>');
      } else if (failures.length === 0) {
        lines.push(`${open}/>`);
      } else {
        lines.push(`${open}>`);
        for (const failure of failures) {
          const detail = [
            failure.expected !== undefined ? `Expected: ${failure.expected}` : undefined,
            failure.received !== undefined ? `Received: ${failure.received}` : undefined,
            `Identity: ${failure.identity} (${failure.scenario})`,
            `Reproduce: ${failure.curl}`,
          ]
            .filter((line): line is string => line !== undefined)
            .map((line) => escapeXml(sanitizeText(line, 4000)))
            .join('\n');
          lines.push(`      <failure type="${attribute(failure.check)}" message="${attribute(`${failure.check}: ${failure.message}`)}">${detail}</failure>`);
        }
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
