import { linkedUrl, linksOf } from './flows/links.js';
import type { HttpClient } from './http/client.js';
import type { OperationModel, ReceivedResponse, SpecModel, TestCase } from './types.js';
import type { CleanupSummary } from './report/types.js';

export interface CreatedResource {
  operation: OperationModel;
  testCase: TestCase;
  response: ReceivedResponse;
  /** The resource's own URL and the DELETE that removes it, when a stateful flow already worked them out. */
  item?: { url: string; operation: OperationModel };
}

function lastSegment(location: string, base: string): string | undefined {
  try {
    const url = new URL(location, base);
    const segments = url.pathname.split('/').filter(Boolean);
    return segments.length > 0 ? decodeURIComponent(segments[segments.length - 1]!) : undefined;
  } catch {
    return undefined;
  }
}

/** The item path under a collection: `/v1/teams` -> `/v1/teams/{team_id}` with its template name. */
export function itemOperation(spec: SpecModel, collection: string, method: string): { operation: OperationModel; parameter: string } | undefined {
  for (const operation of spec.operations) {
    if (operation.method !== method) continue;
    const match = /^(.*)\/\{([^/{}]+)\}$/.exec(operation.path);
    if (match && match[1] === collection) return { operation, parameter: match[2]! };
  }
  return undefined;
}

/** The new resource's id: the `Location` header's last segment, else `id` or `<parameter>` in the body. */
export function createdId(resource: CreatedResource, parameter: string): string | undefined {
  const location = resource.response.headers['location'];
  if (location) {
    const id = lastSegment(location, resource.testCase.request.url);
    if (id) return id;
  }
  const body = resource.response.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    for (const key of [parameter, 'id', 'uuid']) {
      const value = record[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return undefined;
}

/**
 * Deletes what the run created, with the credentials that created it, so repeated runs against a shared
 * environment do not pile up data. Only an operation the spec documents is used; anything that cannot be
 * deleted is listed, never silently left.
 */
export async function cleanUp(
  spec: SpecModel,
  created: CreatedResource[],
  client: HttpClient,
  allowed: (operation: OperationModel) => boolean,
): Promise<CleanupSummary> {
  const summary: CleanupSummary = { created: created.length, deleted: 0, left: [] };
  // Newest first, so members go before the team that holds them.
  for (const resource of [...created].reverse()) {
    // A DELETE the create's links point to knows where the id is; otherwise the collection's item path.
    if (!resource.item) {
      const link = linksOf(spec, resource.operation).find((candidate) => candidate.target.method === 'DELETE');
      const url = link ? linkedUrl(link, resource.operation.path, resource.testCase.request, resource.response) : undefined;
      if (link && url) resource.item = { url, operation: link.target };
    }
    const target = resource.item ? { operation: resource.item.operation, parameter: '' } : itemOperation(spec, resource.operation.path, 'DELETE');
    const label = `resource created by ${resource.testCase.id}`;
    if (!target) {
      summary.left.push(`${label}: the spec documents no DELETE ${resource.operation.path}/{id}`);
      continue;
    }
    if (!allowed(target.operation)) {
      summary.left.push(`${label}: ${target.operation.key} is excluded from this run`);
      continue;
    }
    let url: URL;
    if (resource.item) {
      url = new URL(resource.item.url);
    } else {
      const id = createdId(resource, target.parameter);
      if (id === undefined) {
        summary.left.push(`${label}: no Location header or id in the response to find it by`);
        continue;
      }
      url = new URL(resource.testCase.request.url);
      // The concrete collection URL already carries the parent ids (`/v1/teams/7/members`).
      url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}`;
      url.search = '';
    }
    const headers = { ...resource.testCase.request.headers };
    delete headers['content-type'];
    const exchange = await client.send({ method: 'DELETE', url: url.toString(), headers });
    // 404/410: something in the run (a delete case, a parent's delete) already removed it.
    if (exchange.ok && (exchange.response.status < 300 || exchange.response.status === 404 || exchange.response.status === 410)) summary.deleted++;
    else summary.left.push(`${label}: DELETE ${url.pathname} ${exchange.ok ? `answered ${exchange.response.status}` : `failed: ${exchange.failure.message}`}`);
  }
  return summary;
}
