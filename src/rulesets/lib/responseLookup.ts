/**
 * Reading an operation's responses the way a client does: status keys are strings (`'201'`, `'4XX'`),
 * header names are case-insensitive, and a range key (`4XX`) documents every status in it.
 */
import { isObject, type Json } from './openapi.js';

export function responsesOf(operation: Json): Json | undefined {
  const responses = operation['responses'];
  return isObject(responses) ? responses : undefined;
}

/** Status keys in document order, as written (`200`, `2XX`, `default`). */
export function statusKeys(responses: Json | undefined): string[] {
  return responses ? Object.keys(responses) : [];
}

export function responseFor(responses: Json | undefined, status: string): Json | undefined {
  const response = responses?.[status];
  return isObject(response) ? response : undefined;
}

/**
 * True when `status` is documented explicitly or by its range key (`4XX` documents 404). `default` does not
 * count: it documents an error shape, not which statuses the operation actually returns.
 */
export function documentsStatus(responses: Json | undefined, status: string): boolean {
  if (!responses) return false;
  const range = `${status[0]}XX`;
  return Object.keys(responses).some((key) => key === status || key.toUpperCase() === range);
}

export function successStatusKeys(responses: Json | undefined): string[] {
  return statusKeys(responses).filter((key) => /^2(\d\d|XX)$/i.test(key));
}

/** Header names of a response, lower-cased. */
export function headerNames(response: Json | undefined): string[] {
  const headers = response?.['headers'];
  return isObject(headers) ? Object.keys(headers).map((name) => name.toLowerCase()) : [];
}

export function hasHeader(response: Json | undefined, name: string): boolean {
  return headerNames(response).includes(name.toLowerCase());
}

/** True when the response declares a body: at least one media type under `content`. */
export function hasBody(response: Json | undefined): boolean {
  const content = response?.['content'];
  return isObject(content) && Object.keys(content).length > 0;
}
