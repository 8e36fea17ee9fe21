import type { Finding } from '../types.js';
import { escapeXml, sanitizeText } from '../util/escape.js';
import { displayPath } from '../util/paths.js';
import { toJsonPointer } from './sarif.js';
import type { Formatter } from './types.js';

const PASSING_CASE = 'no findings';

/**
 * JUnit XML for CI test tabs: one suite per linted file, so clean files show up as passing, and one
 * uniquely named test case per finding, so CI servers that key cases by name do not merge two findings.
 */
export const junit: Formatter = (findings, context) => {
  const byFile = new Map<string, Finding[]>();
  for (const file of context.files) byFile.set(file, []);
  for (const finding of findings) {
    const key = finding.file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), finding]);
  }

  const suites: string[] = [];
  for (const [file, group] of byFile) {
    const shown = attr(file === '' ? '(no file)' : displayPath(file, context.cwd));
    const cases =
      group.length === 0
        ? [`    <testcase classname="${shown}" name="${PASSING_CASE}" time="0"/>`]
        : uniqueNames(group).map(({ finding, name }) => testCase(finding, name, shown, context.cwd));
    suites.push(
      `  <testsuite name="${shown}" tests="${Math.max(1, group.length)}" failures="${group.length}" errors="0" skipped="0" time="0">`,
      ...cases,
      '  </testsuite>',
    );
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="apigate" tests="${countTests(byFile)}" failures="${findings.length}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function testCase(finding: Finding, name: string, classname: string, cwd: string): string {
  const message = sanitizeText(finding.message);
  const where = finding.range ? `${finding.range.start.line}:${finding.range.start.column}` : '';
  const file = finding.file ? displayPath(finding.file, cwd) : '';
  const location = [file, where].filter(Boolean).join(':');
  const body = [
    `${location ? `${location} ` : ''}${finding.severity} ${finding.ruleId}: ${message}`,
    `path: ${toJsonPointer(finding.path)}`,
  ]
    .map((line) => escapeXml(sanitizeText(line, 4000)))
    .join('\n');
  return [
    `    <testcase classname="${classname}" name="${attr(name)}" time="0">`,
    `      <failure type="${attr(finding.ruleId)}" message="${attr(`${finding.severity}: ${message}`)}">${body}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/** `rule #/json/pointer (line N)`, with a counter only when two findings still share a name. */
function uniqueNames(group: Finding[]): Array<{ finding: Finding; name: string }> {
  const seen = new Map<string, number>();
  return group.map((finding) => {
    const line = finding.range ? ` (line ${finding.range.start.line})` : '';
    const base = `${finding.ruleId} ${toJsonPointer(finding.path)}${line}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { finding, name: count === 1 ? base : `${base} #${count}` };
  });
}

function countTests(byFile: Map<string, Finding[]>): number {
  let tests = 0;
  for (const group of byFile.values()) tests += Math.max(1, group.length);
  return tests;
}

function attr(text: string): string {
  return escapeXml(sanitizeText(text, 2000));
}
