// The fast, conformant, multi-tenant server bench/contract.mjs measures against; run as a child process so its
// CPU is not the measured client's. It serves `/c<N>/items` and `/c<N>/items/{item_id}` for any N, scoped by
// bearer token (one map per tenant and collection, so a list stays cheap however much was created), and counts requests (first to last arrival) for the parent over IPC. Loopback only.
import { createServer } from 'node:http';

const tokens = JSON.parse(process.argv[2] ?? '{}');
const tenantByAuthorization = new Map(Object.entries(tokens).map(([tenant, token]) => [`Bearer ${token}`, tenant]));
const stores = new Map(Object.keys(tokens).map((tenant) => [tenant, new Map()]));
let next = 0;
let requests = 0;
let first = 0;
let last = 0;

function send(response, status, body, headers = {}) {
  if (body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function problem(response, status, code) {
  send(response, status, { code, message: code.replace(/_/g, ' '), request_id: `req_${requests}` });
}

/** The item fields of a body, or undefined when it does not match ItemInput (create) / ItemPatch (update). */
function fields(text, partial) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  if (keys.some((key) => key !== 'name' && key !== 'size')) return undefined;
  if ('name' in body && (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 40)) return undefined;
  if ('size' in body && (!Number.isInteger(body.size) || body.size < 0 || body.size > 100)) return undefined;
  if (!partial && !('name' in body)) return undefined;
  if (partial && keys.length === 0) return undefined;
  return body;
}

function handle(request, response, text) {
  const tenant = tenantByAuthorization.get(request.headers.authorization ?? '');
  if (!tenant) return problem(response, 401, 'unauthorized');
  const store = stores.get(tenant);
  const path = request.url.split('?')[0];
  const collection = /^\/(c\d+)\/items$/.exec(path);
  if (collection) {
    if (request.method === 'GET') {
      const items = [];
      for (const item of store.get(collection[1])?.values() ?? []) {
        if (items.length === 20) break;
        items.push(item);
      }
      return send(response, 200, { items });
    }
    if (request.method === 'POST') {
      const body = request.headers['content-type']?.startsWith('application/json') ? fields(text, false) : undefined;
      if (!body) return problem(response, 400, 'invalid_request');
      const item = { id: `it_${++next}`, name: body.name, size: body.size ?? 0 };
      if (!store.has(collection[1])) store.set(collection[1], new Map());
      store.get(collection[1]).set(item.id, item);
      return send(response, 201, item, { location: `${path}/${item.id}` });
    }
    return problem(response, 404, 'not_found');
  }
  const member = /^\/(c\d+)\/items\/([^/]+)$/.exec(path);
  if (!member) return problem(response, 404, 'not_found');
  const items = store.get(member[1]);
  const key = decodeURIComponent(member[2]);
  const item = items?.get(key);
  if (!item) return problem(response, 404, 'not_found');
  if (request.method === 'GET') return send(response, 200, item);
  if (request.method === 'PATCH') {
    const body = request.headers['content-type']?.startsWith('application/json') ? fields(text, true) : undefined;
    if (!body) return problem(response, 400, 'invalid_request');
    const updated = { ...item, ...body };
    items.set(key, updated);
    return send(response, 200, updated);
  }
  if (request.method === 'DELETE') {
    items.delete(key);
    return send(response, 204);
  }
  return problem(response, 404, 'not_found');
}

const server = createServer((request, response) => {
  requests++;
  const now = performance.now();
  if (first === 0) first = now;
  last = now;
  if (request.method === 'GET' || request.method === 'DELETE') {
    request.resume();
    return handle(request, response, '');
  }
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size <= 65_536) chunks.push(chunk);
  });
  request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
});
server.keepAliveTimeout = 10_000;

process.on('message', (message) => {
  if (message.type === 'listen') {
    server.listen(0, '127.0.0.1', () => process.send({ url: `http://127.0.0.1:${server.address().port}` }));
  } else if (message.type === 'stats') {
    process.send({ requests, spanMs: last - first });
  } else if (message.type === 'reset') {
    requests = 0;
    first = 0;
    last = 0;
    process.send({ ok: true });
  }
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
// Never outlive the benchmark that started it.
process.on('disconnect', () => process.exit(0));
