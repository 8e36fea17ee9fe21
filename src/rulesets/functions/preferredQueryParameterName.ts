import { createRulesetFunction, type IFunctionResult } from '@stoplight/spectral-core';
import { pathOperationsOf, queryParametersOf } from '../lib/payloads.js';

interface Options {
  /** The name the style guide uses, e.g. `sort`. */
  preferred: string;
  /** What the parameter is for, used in the message: `sorting`. */
  purpose: string;
  /** Names that always mean this purpose. */
  names: string[];
  /** Names that mean it only when the description says so (`include` listing fields, not related resources). */
  namesWhenDescribed?: string[];
  /** Case-insensitive regular expression the description must match for `namesWhenDescribed`. */
  describedAs?: string;
}

export default createRulesetFunction<unknown, Options>(
  {
    input: null,
    options: {
      type: 'object',
      additionalProperties: false,
      required: ['preferred', 'purpose', 'names'],
      properties: {
        preferred: { type: 'string' },
        purpose: { type: 'string' },
        names: { type: 'array', items: { type: 'string' } },
        namesWhenDescribed: { type: 'array', items: { type: 'string' } },
        describedAs: { type: 'string' },
      },
    },
  },
  function preferredQueryParameterName(document, options) {
    const always = new Set(options.names.map((name) => name.toLowerCase()));
    const conditional = new Set((options.namesWhenDescribed ?? []).map((name) => name.toLowerCase()));
    const describedAs = options.describedAs ? new RegExp(options.describedAs, 'i') : undefined;
    const results: IFunctionResult[] = [];
    for (const operation of pathOperationsOf(document)) {
      for (const { name, parameter, at } of queryParametersOf(operation)) {
        const key = name.toLowerCase();
        let matches = always.has(key);
        if (!matches && conditional.has(key) && describedAs) {
          const description = typeof parameter['description'] === 'string' ? parameter['description'] : '';
          matches = describedAs.test(description);
        }
        if (!matches) continue;
        results.push({
          message: `Query parameter "${name}" is used for ${options.purpose}: name it "${options.preferred}" so every endpoint spells ${options.purpose} the same way.`,
          path: [...at, 'name'],
        });
      }
    }
    return results;
  },
);
