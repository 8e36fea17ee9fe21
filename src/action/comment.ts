import { request } from 'undici';
import { sanitizeText } from '../util/escape.js';

/** Hidden in the rendered comment; how the action recognises the comment it posted before. */
export const COMMENT_MARKER = '<!-- apigate:pull-request-summary -->';
const MAX_PAGES = 30;
const TIMEOUT_MS = 30_000;

export interface CommentTarget {
  apiUrl: string;
  token: string;
  /** `owner/name`. */
  repository: string;
  issueNumber: number;
}

export type CommentOutcome =
  | { status: 'created' | 'updated'; url?: string }
  /** The token may not write here (a fork's pull request): the caller notes it and carries on. */
  | { status: 'forbidden'; httpStatus: number }
  | { status: 'failed'; reason: string };

/**
 * Posts the summary as one sticky comment: the comment carrying the marker is edited in place, so a pull
 * request gets one apigate comment however often it is pushed to. Never throws: a comment is an extra and
 * must not decide the gate.
 */
export async function upsertStickyComment(target: CommentTarget, body: string): Promise<CommentOutcome> {
  const text = body.includes(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`;
  const [owner, name] = target.repository.split('/');
  if (!owner || !name) return { status: 'failed', reason: `unknown repository "${sanitizeText(target.repository, 100)}"` };
  const base = `${target.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  try {
    let existing: number | undefined;
    for (let page = 1; page <= MAX_PAGES && existing === undefined; page += 1) {
      const response = await call('GET', `${base}/issues/${target.issueNumber}/comments?per_page=100&page=${page}`, target.token);
      if (response.status === 403 || response.status === 404) return { status: 'forbidden', httpStatus: response.status };
      if (response.status !== 200) return { status: 'failed', reason: `listing comments returned HTTP ${response.status}` };
      const comments = response.json as Array<{ id?: unknown; body?: unknown }>;
      if (!Array.isArray(comments)) return { status: 'failed', reason: 'listing comments returned no list' };
      existing = comments.find((comment) => typeof comment.body === 'string' && comment.body.includes(COMMENT_MARKER) && typeof comment.id === 'number')
        ?.id as number | undefined;
      if (comments.length < 100) break;
    }
    const response =
      existing === undefined
        ? await call('POST', `${base}/issues/${target.issueNumber}/comments`, target.token, { body: text })
        : await call('PATCH', `${base}/issues/comments/${existing}`, target.token, { body: text });
    if (response.status === 403 || response.status === 404) return { status: 'forbidden', httpStatus: response.status };
    if (response.status !== 200 && response.status !== 201) return { status: 'failed', reason: `saving the comment returned HTTP ${response.status}` };
    const url = (response.json as { html_url?: unknown } | null)?.html_url;
    return { status: existing === undefined ? 'created' : 'updated', ...(typeof url === 'string' ? { url } : {}) };
  } catch (error) {
    return { status: 'failed', reason: sanitizeText(error instanceof Error ? error.message : String(error), 300) };
  }
}

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await request(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'apigate-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  const text = await response.body.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.statusCode, json };
}
