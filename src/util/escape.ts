/**
 * Text from specs and servers is untrusted: it must not move the cursor, recolour a terminal, or smuggle a
 * line a CI runner would read as a command. These helpers make it inert for each destination.
 */

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

export const DEFAULT_MAX_TEXT = 500;

/** One line of plain text: escape sequences dropped, control characters and newlines shown as escapes, truncated. */
export function sanitizeText(text: string, maxLength: number = DEFAULT_MAX_TEXT): string {
  const cleaned = text
    .replace(ANSI_SEQUENCE, '')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHARACTERS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return truncate(cleaned, maxLength);
}

export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}

/** For HTML and XML text and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Inside a markdown table cell: no pipes, no newlines, no HTML or link injection. */
export function escapeMarkdownCell(text: string): string {
  return sanitizeText(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]])/g, '\\$1')
    // An `@name` or `#123` from a hostile spec must not ping people or link issues in a PR comment.
    // `#` first: the entity written for `@` has a `#` before digits of its own.
    .replace(/#(?=\d)/g, '&#35;')
    .replace(/@/g, '&#64;');
}

/** GitHub workflow-command data (the message): `%`, CR and LF must be percent-encoded. */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow-command properties (file, title): additionally `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
