import { randomBytes } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { escapeWorkflowData, escapeWorkflowProperty, sanitizeText } from '../util/escape.js';

/** Where the action's text goes: the step log (stdout), which the runner also scans for workflow commands. */
export interface ActionIo {
  stdout(text: string): void;
}

export type CommandName = 'error' | 'warning' | 'notice';

/** One workflow command line; every property and the message are made inert first. */
export function workflowCommand(name: CommandName, properties: Record<string, string | number | undefined>, message: string): string {
  const encoded = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeWorkflowProperty(sanitizeText(String(value), 1000))}`)
    .join(',');
  return `::${name}${encoded ? ` ${encoded}` : ''}::${escapeWorkflowData(sanitizeText(message, 4000))}\n`;
}

/**
 * Prints text that may contain spec-controlled content with command processing switched off, so nothing in it
 * can be read by the runner as a workflow command, whatever it looks like.
 */
export function printInert(io: ActionIo, text: string): void {
  if (text === '') return;
  const token = randomBytes(16).toString('hex');
  io.stdout(`::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`);
}

/** `name<<DELIMITER` blocks, the multi-line-safe form of `$GITHUB_OUTPUT`, with a delimiter no value contains. */
export async function setOutputs(file: string | undefined, outputs: Record<string, string | number>, io: ActionIo): Promise<void> {
  const lines: string[] = [];
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    let delimiter = `apigate_${randomBytes(8).toString('hex')}`;
    while (value.includes(delimiter)) delimiter = `apigate_${randomBytes(8).toString('hex')}`;
    lines.push(`${name}<<${delimiter}`, value, delimiter);
  }
  if (file) {
    await appendFile(file, `${lines.join('\n')}\n`, 'utf8');
    return;
  }
  // Outside a runner (local runs) the outputs are only shown.
  printInert(io, Object.entries(outputs).map(([name, value]) => `output ${name}=${String(value)}`).join('\n'));
}

export async function appendSummary(file: string | undefined, markdown: string): Promise<void> {
  if (file) await appendFile(file, markdown, 'utf8');
}
