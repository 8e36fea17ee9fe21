import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DemoStore, seedDemoData, type Member, type Team } from './store.js';

export interface DemoServerOptions {
  /** Tenant name -> bearer token. The first tenant owns the seeded example data. */
  tokens: Record<string, string>;
  host?: string;
  port?: number;
}

export interface RunningDemoServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const RATE_LIMIT = 1_000;
const TEAM_ID = /^tm_[a-z0-9_]{1,40}$/;
const MEMBER_ID = /^mb_[a-z0-9_]{1,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Array<{ field: string; issue: string }>,
  ) {
    super(message);
  }
}

function invalid(field: string, issue: string): HttpProblem {
  return new HttpProblem(400, 'invalid_request', `${field}: ${issue}`, [{ field, issue }]);
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpProblem(400, 'invalid_request', 'the body is too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return reject(new HttpProblem(400, 'invalid_request', 'a JSON body is required'));
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        return reject(new HttpProblem(400, 'invalid_request', 'the body must be application/json'));
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpProblem(400, 'invalid_request', 'the body is not valid JSON'));
      }
    });
    request.on('error', reject);
  });
}

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('body', 'must be a JSON object');
  return body as Record<string, unknown>;
}

function onlyKnown(body: Record<string, unknown>, known: string[]): void {
  const unknown = Object.keys(body).find((key) => !known.includes(key));
  if (unknown) throw invalid(unknown, 'is not a known property');
}

function teamFields(body: Record<string, unknown>, partial: boolean): Partial<Team> {
  onlyKnown(body, ['name', 'description', 'visibility']);
  const fields: Partial<Team> = {};
  if ('name' in body) {
    const name = body['name'];
    if (typeof name !== 'string') throw invalid('name', 'must be a string');
    if (name.length < 1 || name.length > 100) throw invalid('name', 'must be 1 to 100 characters');
    fields.name = name;
  } else if (!partial) throw invalid('name', 'is required');
  if ('description' in body) {
    const description = body['description'];
    if (description !== null && typeof description !== 'string') throw invalid('description', 'must be a string or null');
    if (typeof description === 'string' && description.length > 500) throw invalid('description', 'must be at most 500 characters');
    fields.description = description as string | null;
  }
  if ('visibility' in body) {
    if (body['visibility'] !== 'private' && body['visibility'] !== 'public') throw invalid('visibility', 'must be private or public');
    fields.visibility = body['visibility'];
  }
  if (partial && Object.keys(fields).length === 0) throw invalid('body', 'must change at least one field');
  return fields;
}

function memberFields(body: Record<string, unknown>): Pick<Member, 'email' | 'role'> {
  onlyKnown(body, ['email', 'role']);
  const email = body['email'];
  if (email === undefined) throw invalid('email', 'is required');
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) throw invalid('email', 'must be an email address');
  const role = body['role'];
  if (role === undefined) throw invalid('role', 'is required');
  if (role !== 'owner' && role !== 'member') throw invalid('role', 'must be owner or member');
  return { email, role };
}

function pageParameters(url: URL, allowed: string[]): { limit: number; offset: number } {
  const unknown = [...url.searchParams.keys()].find((key) => !allowed.includes(key));
  if (unknown) throw invalid(unknown, 'is not a known query parameter');
  const limitText = url.searchParams.get('limit');
  let limit = 20;
  if (limitText !== null) {
    if (!/^\d+$/.test(limitText)) throw invalid('limit', 'must be an integer');
    limit = Number(limitText);
    if (limit < 1 || limit > 100) throw invalid('limit', 'must be between 1 and 100');
  }
  const cursor = url.searchParams.get('cursor');
  let offset = 0;
  if (cursor !== null) {
    const decoded = /^o(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!decoded) throw invalid('cursor', 'is not a cursor this server issued');
    offset = Number(decoded[1]);
  }
  return { limit, offset };
}

function page<T>(items: T[], url: URL, limit: number, offset: number, response: ServerResponse): { data: T[]; next_cursor: string | null } {
  const data = items.slice(offset, offset + limit);
  const nextOffset = offset + limit;
  const nextCursor = nextOffset < items.length ? Buffer.from(`o${nextOffset}`).toString('base64url') : null;
  if (nextCursor) {
    const next = new URL(url);
    next.searchParams.set('cursor', nextCursor);
    response.setHeader('Link', `<${next.pathname}${next.search}>; rel="next"`);
  }
  return { data, next_cursor: nextCursor };
}

/**
 * The bundled example API: conformant to fixtures/demo/openapi.yaml, multi-tenant (each bearer token sees
 * only its own teams), strict about input, so that every case apigate generates gets the answer the spec
 * promises. `apigate demo` and the contract tests run against it.
 */
export function createDemoHandler(options: DemoServerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const tenantByToken = new Map(Object.entries(options.tokens).map(([tenant, token]) => [token, tenant]));
  const tenants = Object.keys(options.tokens);
  const store = new DemoStore(tenants);
  seedDemoData(store, tenants[0]!, tenants[1]);
  let remaining = RATE_LIMIT;

  const send = (response: ServerResponse, status: number, body?: unknown): void => {
    response.statusCode = status;
    if (body === undefined) {
      response.end();
      return;
    }
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (segments[0] !== 'v1') throw new HttpProblem(404, 'not_found', 'No such endpoint.');

    if (segments.length === 2 && segments[1] === 'health') {
      if (method !== 'GET') throw new HttpProblem(405, 'method_not_allowed', 'Use GET.');
      return send(response, 200, { status: 'ok' });
    }
    if (segments.length === 2 && segments[1] === 'ready') {
      if (method !== 'GET') throw new HttpProblem(405, 'method_not_allowed', 'Use GET.');
      return send(response, 200, { status: 'ready' });
    }
    if (segments[1] !== 'teams') throw new HttpProblem(404, 'not_found', 'No such endpoint.');

    const authorization = request.headers['authorization'] ?? '';
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    const tenant = token ? tenantByToken.get(token) : undefined;
    if (!tenant) throw new HttpProblem(401, 'unauthorized', 'A valid bearer token is required.');

    const teamId = segments[2];
    if (segments.length === 2) {
      if (method === 'GET') {
        const { limit, offset } = pageParameters(url, ['limit', 'cursor', 'visibility']);
        const visibility = url.searchParams.get('visibility');
        if (visibility !== null && visibility !== 'private' && visibility !== 'public') throw invalid('visibility', 'must be private or public');
        const teams = store.listTeams(tenant).filter((team) => visibility === null || team.visibility === visibility);
        return send(response, 200, page(teams, url, limit, offset, response));
      }
      if (method === 'POST') {
        const fields = teamFields(asObject(await readBody(request)), false);
        if (store.findTeamByName(tenant, fields.name!)) throw new HttpProblem(409, 'conflict', 'A team with this name exists.');
        const team: Team = {
          id: store.nextId('tm'),
          name: fields.name!,
          description: fields.description ?? null,
          visibility: fields.visibility ?? 'private',
          created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        };
        store.putTeam(tenant, team);
        response.setHeader('Location', `/v1/teams/${team.id}`);
        return send(response, 201, team);
      }
      throw new HttpProblem(405, 'method_not_allowed', 'Use GET or POST.');
    }

    if (!teamId || !TEAM_ID.test(teamId)) throw new HttpProblem(404, 'not_found', 'No such team.');
    const team = store.getTeam(tenant, teamId);
    if (segments.length === 3) {
      if (!team) throw new HttpProblem(404, 'not_found', 'No such team.');
      if (method === 'GET') return send(response, 200, team);
      if (method === 'PATCH') {
        const fields = teamFields(asObject(await readBody(request)), true);
        if (fields.name !== undefined && fields.name !== team.name && store.findTeamByName(tenant, fields.name)) {
          throw new HttpProblem(409, 'conflict', 'A team with this name exists.');
        }
        const updated = { ...team, ...fields };
        store.putTeam(tenant, updated);
        return send(response, 200, updated);
      }
      if (method === 'DELETE') {
        store.deleteTeam(tenant, teamId);
        return send(response, 204);
      }
      throw new HttpProblem(405, 'method_not_allowed', 'Use GET, PATCH or DELETE.');
    }

    if (segments[3] !== 'members' || segments.length > 5) throw new HttpProblem(404, 'not_found', 'No such endpoint.');
    if (segments.length === 4) {
      if (method === 'GET') {
        const { limit, offset } = pageParameters(url, ['limit', 'cursor', 'role']);
        const role = url.searchParams.get('role');
        if (role !== null && role !== 'owner' && role !== 'member') throw invalid('role', 'must be owner or member');
        if (!team) throw new HttpProblem(404, 'not_found', 'No such team.');
        const members = store.listMembers(tenant, teamId).filter((member) => role === null || member.role === role);
        return send(response, 200, page(members, url, limit, offset, response));
      }
      if (method === 'POST') {
        const fields = memberFields(asObject(await readBody(request)));
        if (!team) throw new HttpProblem(404, 'not_found', 'No such team.');
        if (store.listMembers(tenant, teamId).some((member) => member.email === fields.email)) {
          throw new HttpProblem(409, 'conflict', 'This person is already a member.');
        }
        const member: Member = { id: store.nextId('mb'), ...fields, created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
        store.putMember(tenant, teamId, member);
        response.setHeader('Location', `/v1/teams/${teamId}/members/${member.id}`);
        return send(response, 201, member);
      }
      throw new HttpProblem(405, 'method_not_allowed', 'Use GET or POST.');
    }
    const memberId = segments[4]!;
    if (method !== 'DELETE') throw new HttpProblem(405, 'method_not_allowed', 'Use DELETE.');
    if (!team || !MEMBER_ID.test(memberId) || !store.deleteMember(tenant, teamId, memberId)) throw new HttpProblem(404, 'not_found', 'No such member.');
    return send(response, 204);
  };

  return (request, response) => {
    const requestId = `req_${randomBytes(6).toString('hex')}`;
    remaining = remaining > 0 ? remaining - 1 : RATE_LIMIT;
    response.setHeader('RateLimit-Limit', String(RATE_LIMIT));
    response.setHeader('RateLimit-Remaining', String(remaining));
    response.setHeader('RateLimit-Reset', '60');
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'internal_error', 'Something went wrong.');
      const body: Record<string, unknown> = { code: problem.code, message: problem.message, request_id: requestId };
      if (problem.details) body['details'] = problem.details;
      response.removeHeader('Location');
      response.removeHeader('Link');
      send(response, problem.status, body);
    });
  };
}

/** Starts the demo API on a loopback port (0 = any free port). */
export async function startDemoServer(options: DemoServerOptions): Promise<RunningDemoServer> {
  const server = createServer(createDemoHandler(options));
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
