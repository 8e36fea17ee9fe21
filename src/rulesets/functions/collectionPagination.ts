import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { pathOperationsOf, listResponsesOf, queryParametersOf } from '../lib/payloads.js';

/** Spellings of the same idea in other style guides, so the message can say "rename" rather than "add". */
const PAGE_SIZE_ALIASES = ['per_page', 'page_size', 'pagesize', 'size', 'count', 'max_results', 'maxresults', 'top', '$top', 'first', 'take', 'max', 'num'];
const POSITION_NAMES = ['cursor', 'page_token', 'offset'];
const POSITION_ALIASES = ['pagetoken', 'next_token', 'continuation_token', 'continuationtoken', 'starting_after', 'ending_before', 'after', 'before', 'skip', '$skip', 'start', 'page', 'page_number', 'pagenumber', 'marker', 'from'];

function normalized(name: string): string {
  return name.toLowerCase().replace(/-/g, '_');
}

/**
 * A list GET without paging parameters has to return everything at once, and cannot add paging later
 * without breaking clients that expect the full list.
 */
export default createRulesetFunction<unknown, null>({ input: null, options: null }, function collectionPagination(document) {
  const results: IFunctionResult[] = [];
  for (const operation of pathOperationsOf(document)) {
    if (listResponsesOf(operation).length === 0) continue;
    const names = queryParametersOf(operation).map(({ name }) => name);
    const lower = names.map(normalized);
    const where = `GET ${operation.path} returns a list`;
    if (!lower.includes('limit')) {
      const alias = names.find((name) => PAGE_SIZE_ALIASES.includes(normalized(name)) || normalized(name).replace(/_/g, '') === 'pagesize');
      results.push({
        message: alias
          ? `${where}: name its page-size parameter "limit" instead of "${alias}".`
          : `${where} but takes no page-size parameter: add a "limit" query parameter.`,
        path: operation.at,
      });
    }
    if (!lower.some((name) => POSITION_NAMES.includes(name))) {
      const alias = names.find((name) => POSITION_ALIASES.includes(normalized(name)));
      results.push({
        message: alias
          ? `${where}: name its paging parameter "cursor" (or "page_token", or "offset") instead of "${alias}".`
          : `${where} but takes no cursor: add a "cursor" (or "page_token", or "offset") query parameter.`,
        path: operation.at,
      });
    }
  }
  return results;
});
