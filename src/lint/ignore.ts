import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../types.js';

/** The extension that switches rules off for one node of a spec. */
export const IGNORE_KEY = 'x-apigate-ignore';

/**
 * Drops findings switched off inline with `x-apigate-ignore: [rule-id, ...]`.
 *
 * The list applies to the node it is written on and to everything below it: on an operation it covers that
 * operation's parameters, bodies and responses, on the root it covers the whole file. That mirrors how
 * people scope a waiver ("this legacy endpoint keeps its camelCase fields") and keeps the waiver next to the
 * code it excuses instead of in a separate file. It is read along the finding's JSON path in the file the
 * finding is in, so a node behind a `$ref` is waived where it is written, not where it is used.
 */
export async function dropInlineIgnored(findings: Finding[]): Promise<Finding[]> {
  const documents = new Map<string, Promise<unknown>>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (finding.file === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(finding.file)) {
      kept.push(finding);
      continue;
    }
    let document = documents.get(finding.file);
    if (!document) {
      document = readDocumentWithIgnores(finding.file);
      documents.set(finding.file, document);
    }
    if (!ignoredAt(await document, finding.path, finding.ruleId)) kept.push(finding);
  }
  return kept;
}

/** Rule ids ignored on the node at `path` or on any node above it. */
export function ignoredAt(document: unknown, path: ReadonlyArray<string | number>, ruleId: string): boolean {
  let node = document;
  for (let depth = 0; ; depth += 1) {
    if (node === null || typeof node !== 'object') return false;
    if (!Array.isArray(node) && listsRule((node as Record<string, unknown>)[IGNORE_KEY], ruleId)) return true;
    if (depth >= path.length) return false;
    node = (node as Record<string | number, unknown>)[path[depth] as string | number];
  }
}

function listsRule(value: unknown, ruleId: string): boolean {
  if (typeof value === 'string') return value === ruleId;
  return Array.isArray(value) && value.some((entry) => entry === ruleId);
}

/** Only files that mention the key are parsed again; the lint already accepted them within its limits. */
async function readDocumentWithIgnores(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  if (!text.includes(IGNORE_KEY)) return undefined;
  try {
    return parseYaml(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'silent' });
  } catch {
    return undefined;
  }
}
