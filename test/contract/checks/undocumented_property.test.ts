import check from '../../../src/contract/checks/undocumented_property.js';
import { checkTable } from './table.js';

const account = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    owner: { type: 'object', properties: { name: { type: 'string' } } },
    tags: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' } } } },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    meta: { type: 'object' },
  },
};
const responses = { '200': { content: { 'application/json': account } } };
const expected = 'only properties declared by #/paths/~1v1~1widgets/get/responses/200/content/application~1json/schema';

checkTable(check, [
  {
    name: 'only declared properties, maps and free-form objects',
    exchange: { responses, json: { id: 'a', owner: { name: 'n' }, tags: [{ label: 'x' }], labels: { any: 'v' }, meta: { free: 1 } } },
    failures: [],
  },
  { name: 'off without strict mode', exchange: { responses, strict: false, json: { id: 'a', debug: true } }, failures: [] },
  {
    name: 'one undocumented property',
    exchange: { responses, json: { id: 'a', debug: true } },
    failures: [{ message: 'Undocumented property in response body', expected, received: '/debug' }],
  },
  {
    name: 'nested objects and array items are walked',
    exchange: { responses, json: { owner: { name: 'n', email: 'e' }, tags: [{ label: 'x' }, { label: 'y', colour: 'red' }] } },
    failures: [{ message: 'Undocumented properties in response body', expected, received: '/owner/email, /tags/1/colour' }],
  },
  {
    name: 'allOf members and the discriminated branch declare properties',
    exchange: {
      responses: {
        '200': {
          content: {
            'application/json': {
              allOf: [
                { type: 'object', properties: { id: { type: 'string' } } },
                {
                  oneOf: [
                    { type: 'object', properties: { kind: { const: 'a' }, alpha: { type: 'string' } } },
                    { type: 'object', properties: { kind: { const: 'b' }, beta: { type: 'string' } } },
                  ],
                  discriminator: { propertyName: 'kind' },
                },
              ],
            },
          },
        },
      },
      json: { id: '1', kind: 'a', alpha: 'x', beta: 'y' },
    },
    failures: [{ message: 'Undocumented property in response body', expected, received: '/beta' }],
  },
  {
    name: 'property names from the server are made terminal-safe',
    exchange: { responses, json: { id: 'a', 'evil\u001b[2J': 1 } },
    failures: [{ message: 'Undocumented property in response body', expected, received: '/evil' }],
  },
]);
