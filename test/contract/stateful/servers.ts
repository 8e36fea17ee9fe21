/**
 * The multi-tenant demo API with exactly one stateful or authorization flaw, for the stateful-flow tests.
 * Flaws are written as rewrites of a request before the conformant handler sees it (run it as the owner,
 * as another method) or as an answer given in its place, so everything else stays conformant.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDemoHandler } from '../../../src/demo/server.js';
import type { Identity } from '../../../src/contract/identity.js';
import { startListener, type TestServer } from '../../helpers/servers.js';

export const TOKENS = { alice: 'alice-stateful-token', bob: 'bob-stateful-token' };
export const IDENTITIES: Identity[] = Object.entries(TOKENS).map(([name, token]) => ({ name, headers: { Authorization: `Bearer ${token}` }, query: {} }));
const RATE_LIMIT_HEADERS = { 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '999', 'RateLimit-Reset': '60' };

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;
export type Flaw = (demo: Handler) => Handler;

const TEAM_ITEM = /^\/v1\/teams\/[^/]+$/;

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}

function isBob(request: IncomingMessage): boolean {
  return request.headers.authorization === `Bearer ${TOKENS.bob}`;
}

/** Requests by the second tenant on a team item are served as if the first tenant had sent them. */
function servedAsOwner(method: string, as: string = method): Flaw {
  return (demo) => (request, response) => {
    if (request.method === method && TEAM_ITEM.test(pathOf(request)) && isBob(request)) {
      request.headers.authorization = `Bearer ${TOKENS.alice}`;
      request.method = as;
    }
    demo(request, response);
  };
}

export const FLAWS: Record<string, Flaw> = {
  /** Any tenant can read any team. */
  readOfAnotherTenantsObject: servedAsOwner('GET'),
  /** Any tenant can change any team. */
  updateOfAnotherTenantsObject: servedAsOwner('PATCH'),
  /** Another tenant's PATCH answers 200 with the team, unchanged. */
  updateThatDoesNothing: servedAsOwner('PATCH', 'GET'),
  /** Another tenant's DELETE answers 204 and deletes nothing. */
  deleteThatDoesNothing: (demo) => (request, response) => {
    if (request.method === 'DELETE' && TEAM_ITEM.test(pathOf(request)) && isBob(request)) {
      response.writeHead(204, RATE_LIMIT_HEADERS);
      response.end();
      return;
    }
    demo(request, response);
  },
  /** The owner's DELETE answers 204 but the team stays. */
  stillServedAfterDelete: (demo) => (request, response) => {
    if (request.method === 'DELETE' && TEAM_ITEM.test(pathOf(request)) && request.headers.authorization === `Bearer ${TOKENS.alice}`) {
      response.writeHead(204, RATE_LIMIT_HEADERS);
      response.end();
      return;
    }
    demo(request, response);
  },
  /** A create answers 201 with an id under which the new team cannot be found. */
  createThatCannotBeReadBack: (demo) => (request, response) => {
    if (request.method === 'POST' && pathOf(request) === '/v1/teams') {
      const ghost = (text: string): string => text.replace(/tm_n(\d+)/g, 'tm_ghost$1');
      const setHeader = response.setHeader.bind(response);
      response.setHeader = ((name: string, value: string | number | readonly string[]) =>
        setHeader(name, typeof value === 'string' ? ghost(value) : value)) as ServerResponse['setHeader'];
      const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
      response.end = ((chunk?: unknown) => end(typeof chunk === 'string' ? ghost(chunk) : chunk)) as ServerResponse['end'];
    }
    demo(request, response);
  },
};

export function startTeamsServer(flaw?: Flaw): Promise<TestServer> {
  const demo = createDemoHandler({ tokens: TOKENS });
  return startListener(flaw ? flaw(demo) : demo);
}
