import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../lib/openapi.js';
import { pathOperationsOf, listResponsesOf, objectView, type ObjectView } from '../lib/payloads.js';

const NEXT_FIELDS = new Set(['next_cursor', 'next_page_token', 'next', 'next_page', 'next_url', 'next_link', 'next_token', 'nextcursor', 'nextpagetoken', 'nextlink']);
/** Objects where envelopes commonly keep paging information: `{ data, meta: { next_cursor } }`. */
const PAGING_CONTAINERS = ['meta', 'pagination', 'paging', 'links', '_links', 'page', 'page_info', 'cursor'];

function hasNextField(view: ObjectView): boolean {
  for (const name of view.properties.keys()) if (NEXT_FIELDS.has(name.toLowerCase())) return true;
  for (const container of PAGING_CONTAINERS) {
    const property = view.properties.get(container);
    if (!property || !isObject(property.schema)) continue;
    const inner = objectView(property.schema, []);
    for (const name of inner.properties.keys()) if (NEXT_FIELDS.has(name.toLowerCase())) return true;
  }
  return false;
}

/**
 * Clients page by following what the server hands them: a `Link: <…>; rel="next"` header or a next-cursor
 * field. Without either, a client has to compute the next page itself. The message does not name the
 * operation, so a list response shared through `components/responses` is reported once, where it lives.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function collectionNextLink(document) {
  const results: IFunctionResult[] = [];
  for (const operation of pathOperationsOf(document)) {
    for (const { response, shape } of listResponsesOf(operation)) {
      const headers = isObject(response.response['headers']) ? Object.keys(response.response['headers']) : [];
      if (headers.some((name) => name.toLowerCase() === 'link')) continue;
      if (shape.kind === 'wrapped' && shape.view && hasNextField(shape.view)) continue;
      results.push({
        message:
          shape.kind === 'array'
            ? 'This list response documents no "Link" header: add one (rel="next") so clients can fetch the next page, or wrap the items in an object with a "next_cursor" field.'
            : 'This list response documents neither a "Link" header nor a next-cursor field: add "next_cursor" (or "next_page_token") next to the items, or a "Link" header.',
        path: response.at,
      });
    }
  }
  return results;
});
