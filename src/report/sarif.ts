import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { severityRank, type Finding, type JsonPath, type RuleMeta, type Severity } from '../types.js';
import { sanitizeText } from '../util/escape.js';
import { displayPath } from '../util/paths.js';
import type { Formatter } from './types.js';

/** GitHub code scanning rejects a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/apigate/apigate';
const SOURCE_ROOT = '%SRCROOT%';
const MAX_MESSAGE = 4000;

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Paths are relative to `%SRCROOT%` (the working
 * directory) so the log means the same on any checkout, and fingerprints ignore line numbers so an alert
 * survives edits above it.
 */
export const sarif: Formatter = (findings, context) => {
  const rules = describeRules(context.rules, findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const kept = keepMostSevere(findings, SARIF_MAX_RESULTS);
  const dropped = findings.length - kept.length;
  const occurrences = new Map<string, number>();

  const results = kept.map((finding) => {
    const uri = finding.file === undefined ? undefined : artifactUri(finding.file, context.cwd);
    const fingerprint = fingerprintOf(finding, uri?.uri ?? '');
    const occurrence = (occurrences.get(fingerprint) ?? 0) + 1;
    occurrences.set(fingerprint, occurrence);
    const pointer = toJsonPointer(finding.path);
    const region = finding.range ? toRegion(finding) : undefined;
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVEL[finding.severity],
      message: { text: sanitizeText(finding.message, MAX_MESSAGE) },
      locations: [
        {
          ...(uri ? { physicalLocation: { artifactLocation: uri, ...(region ? { region } : {}) } } : {}),
          logicalLocations: [
            { name: sanitizeText(String(finding.path.at(-1) ?? '#'), 1000), fullyQualifiedName: sanitizeText(pointer, 2000) },
          ],
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${fingerprint}:${occurrence}` },
      properties: { apigateSeverity: finding.severity },
    };
  });

  const notifications =
    dropped > 0
      ? [
          {
            level: 'warning' as const,
            message: {
              text: `${dropped} of ${findings.length} results were left out: a SARIF run holds at most ${SARIF_MAX_RESULTS} results (the GitHub code scanning limit). The most severe results were kept; run with another format to see all.`,
            },
          },
        ]
      : [];

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apigate',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function describeRules(known: RuleMeta[], findings: Finding[]): Array<{ id: string } & Record<string, unknown>> {
  const byId = new Map<string, RuleMeta>();
  for (const rule of known) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  // Findings can come from outside the ruleset (parser and $ref diagnostics); every ruleId needs a descriptor.
  for (const finding of findings) {
    if (!byId.has(finding.ruleId)) byId.set(finding.ruleId, { id: finding.ruleId, description: finding.ruleId, severity: finding.severity });
  }
  return [...byId.values()].map((rule) => {
    const description = sanitizeText(rule.description || rule.id, MAX_MESSAGE);
    const helpUri = safeHttpUrl(rule.documentationUrl);
    return {
      id: rule.id,
      name: pascalCase(rule.id),
      shortDescription: { text: firstSentence(description) },
      fullDescription: { text: description },
      help: { text: helpUri ? `${description}\nDocumentation: ${helpUri}` : description },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: ['openapi'] },
    };
  });
}

/** Over the cap, errors matter more than hints: keep the most severe, in their original order. */
function keepMostSevere(findings: Finding[], limit: number): Finding[] {
  if (findings.length <= limit) return findings;
  const chosen = findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.index - b.index)
    .slice(0, limit)
    .sort((a, b) => a.index - b.index);
  return chosen.map(({ finding }) => finding);
}

function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return { uri: file };
  const shown = displayPath(file, cwd);
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function toRegion(finding: Finding): Region {
  const { start, end } = finding.range!;
  const startLine = Math.max(1, start.line);
  const startColumn = Math.max(1, start.column);
  const endLine = Math.max(startLine, end.line);
  const endColumn = endLine === startLine ? Math.max(startColumn, end.column) : Math.max(1, end.column);
  return { startLine, startColumn, endLine, endColumn };
}

/** Line numbers are left out on purpose: an edit above the finding must not turn it into a new alert. */
function fingerprintOf(finding: Finding, uri: string): string {
  const message = finding.message.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256')
    .update([finding.ruleId, uri, toJsonPointer(finding.path), message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

export function toJsonPointer(path: JsonPath): string {
  return `#${path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return match?.[1] ?? text;
}

function pascalCase(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return name || id;
}

function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
