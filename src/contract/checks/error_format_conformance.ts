import { defineCheck } from './define.js';

const REQUIRED_STRINGS = ['code', 'message', 'request_id'] as const;

export default defineCheck({
  id: 'error_format_conformance',
  description:
    "A 4xx/5xx JSON body is the style guide's error object: string `code`, `message` and `request_id`, and an optional `details` array.",
  run({ response }) {
    if (response.status < 400 || !response.bodyIsJson) return [];
    const problems = errorObjectProblems(response.body);
    if (problems.length === 0) return [];
    return [
      {
        message: 'Error response does not follow the error format',
        expected: 'an object with string code, message and request_id, and an optional details array',
        received: problems.join('; '),
      },
    ];
  },
});

function errorObjectProblems(body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [`the body is ${kindOf(body)}`];
  const record = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of REQUIRED_STRINGS) {
    if (!Object.hasOwn(record, field)) problems.push(`missing ${field}`);
    else if (typeof record[field] !== 'string') problems.push(`${field} is ${kindOf(record[field])}, not a string`);
  }
  if (Object.hasOwn(record, 'details') && !Array.isArray(record['details'])) {
    problems.push(`details is ${kindOf(record['details'])}, not an array`);
  }
  return problems;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}
