/**
 * Runs one planned flow: sends its steps in order, fills in the ids the create's response revealed, and
 * judges the multi-request checks on what came back. Sending, recording and reporting belong to the runner
 * (hooks), so this module holds only the order of a flow and what each step means.
 */
import {
  ensureResourceAvailability,
  ENSURE_RESOURCE_AVAILABILITY,
  misleadingSuccessStatus,
  MISLEADING_SUCCESS_STATUS,
  objectLevelAuthorization,
  OBJECT_LEVEL_AUTHORIZATION,
  useAfterFree,
  USE_AFTER_FREE,
  type FlowExchange,
} from '../checks/stateful/index.js';
import { createdId, type CreatedResource } from '../cleanup.js';
import type { CheckFailure, ReceivedResponse, TestCase } from '../types.js';
import { evaluateExpression, pathValues } from './links.js';
import { encodedPlaceholder, flowCases, type ResourceFlow } from './plan.js';

export interface FlowHooks {
  /** Sends `resolved` and records it under `planned`; undefined when it was not sent or got no HTTP answer. */
  send(planned: TestCase, resolved: TestCase): Promise<ReceivedResponse | undefined>;
  skip(planned: TestCase, reason: string): void;
  /** A multi-request check failed: reported on `on`, with the exchange that revealed it as evidence. */
  fail(check: string, on: TestCase, evidence: FlowExchange, failure: CheckFailure): void;
  warn(text: string): void;
  created(resource: CreatedResource): void;
  gone(resource: CreatedResource): void;
  /** The selected multi-request check ids. */
  checks: ReadonlySet<string>;
  /** The owner's identity name (the first identity). */
  owner: string;
}

const UNRESOLVED = /%7B%7B([^/?#&]*?)%7D%7D/i;

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** `POST /v1/teams answered 201` style wording is the check modules'; here only the URL is filled in. */
function fill(testCase: TestCase, values: ReadonlyMap<string, string>): TestCase | { missing: string } {
  let url = testCase.request.url;
  for (const [name, value] of values) url = url.split(encodedPlaceholder(name)).join(encodeURIComponent(value));
  const left = UNRESOLVED.exec(url);
  if (left) return { missing: decodeURIComponent(left[1]!) };
  return { ...testCase, request: { ...testCase.request, url } };
}

/** The URL that deletes the resource, when the item path extends the create's own path. */
function itemUrl(flow: ResourceFlow, createUrl: string, values: ReadonlyMap<string, string>): string | undefined {
  const template = flow.create.operation.path.replace(/\/+$/, '');
  if (!flow.itemPath || !flow.itemPath.startsWith(`${template}/`)) return undefined;
  let missing = false;
  const suffix = flow.itemPath.slice(template.length).replace(/\{([^/{}]+)\}/g, (_match, name: string) => {
    const value = values.get(name);
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  if (missing) return undefined;
  const url = new URL(createUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${suffix}`;
  url.search = '';
  return url.toString();
}

export async function runFlow(flow: ResourceFlow, inherited: ReadonlyMap<string, string>, hooks: FlowHooks): Promise<void> {
  const rest = flowCases(flow).slice(1);
  const skipRest = (reason: string): void => {
    for (const testCase of rest) hooks.skip(testCase, reason);
  };

  const create = fill(flow.create, inherited);
  if ('missing' in create) {
    hooks.skip(flow.create, `no value for {${create.missing}}`);
    skipRest(`no value for {${create.missing}}`);
    return;
  }
  const created = await hooks.send(flow.create, create);
  if (!created) return skipRest(`${flow.create.id} got no answer`);
  if (!isSuccess(created.status)) return skipRest(`${flow.create.operation.key} answered ${created.status}: no resource to follow`);

  const values = new Map(inherited);
  const requestPath = pathValues(flow.create.operation.path, create.request.url);
  for (const binding of flow.bindings) {
    const value =
      binding.expression !== undefined
        ? evaluateExpression(binding.expression, { request: create.request, pathValues: requestPath, response: created })
        : createdId({ operation: flow.create.operation, testCase: create, response: created }, binding.name);
    if (value !== undefined && value !== '') values.set(binding.name, value);
  }
  const resource: CreatedResource = { operation: flow.create.operation, testCase: create, response: created };
  const url = itemUrl(flow, create.request.url, values);
  if (url && flow.deleteOperation) resource.item = { url, operation: flow.deleteOperation };
  hooks.created(resource);

  const send = async (planned: TestCase | undefined): Promise<{ testCase: TestCase; response: ReceivedResponse } | undefined> => {
    if (!planned) return undefined;
    const resolved = fill(planned, values);
    if ('missing' in resolved) {
      const binding = flow.bindings.find((candidate) => candidate.name === resolved.missing);
      hooks.skip(
        planned,
        binding?.expression !== undefined
          ? `the link "${binding.link}" found no value for {${resolved.missing}} (${String(binding.expression)}) in the response to ${flow.create.id}`
          : `no id for {${resolved.missing}} in the Location header or the body of the response to ${flow.create.id}; declare a link to say where it is`,
      );
      return undefined;
    }
    const response = await hooks.send(planned, resolved);
    return response ? { testCase: resolved, response } : undefined;
  };
  const skip = (planned: TestCase | undefined, reason: string): void => {
    if (planned) hooks.skip(planned, reason);
  };

  const readBack = await send(flow.readBack);
  if (readBack && hooks.checks.has(ENSURE_RESOURCE_AVAILABILITY)) {
    for (const failure of ensureResourceAvailability({ create: { testCase: create, response: created }, read: readBack })) {
      hooks.fail(ENSURE_RESOURCE_AVAILABILITY, flow.create, readBack, failure);
    }
  }

  for (const child of flow.children) await runFlow(child, values, hooks);

  for (const probe of flow.probes) {
    const before = await send(probe.ownerBefore);
    if (probe.ownerBefore && !before) {
      const reason = `the owner's read before the attempt got no answer`;
      skip(probe.attempt, reason);
      skip(probe.ownerAfter, reason);
      continue;
    }
    const attempt = await send(probe.attempt);
    if (!attempt) {
      skip(probe.ownerAfter, `${probe.attempt.id} got no answer`);
      continue;
    }
    const after = await send(probe.ownerAfter);
    const authorization = { attempt, owner: hooks.owner, ...(before ? { ownerBefore: before } : {}), ...(after ? { ownerAfter: after } : {}) };
    if (hooks.checks.has(OBJECT_LEVEL_AUTHORIZATION)) {
      for (const failure of objectLevelAuthorization(authorization)) {
        // The misleading 2xx is a check of its own; it falls back to a warning only when that check is off.
        if (failure.severity && failure.severity !== 'error') {
          if (!hooks.checks.has(MISLEADING_SUCCESS_STATUS)) hooks.warn(`${OBJECT_LEVEL_AUTHORIZATION}: ${probe.attempt.operation.key}: ${failure.message}`);
          continue;
        }
        hooks.fail(OBJECT_LEVEL_AUTHORIZATION, probe.attempt, attempt, failure);
      }
    }
    if (hooks.checks.has(MISLEADING_SUCCESS_STATUS)) {
      for (const failure of misleadingSuccessStatus(authorization)) hooks.fail(MISLEADING_SUCCESS_STATUS, probe.attempt, attempt, failure);
    }
    if (isSuccess(attempt.response.status)) {
      if (attempt.testCase.operation.kind === 'create') hooks.created({ operation: attempt.testCase.operation, testCase: attempt.testCase, response: attempt.response });
      if (probe.attempt.kind === 'bola_delete' && after && (after.response.status === 404 || after.response.status === 410)) hooks.gone(resource);
    }
  }

  await send(flow.update);

  const removed = await send(flow.remove);
  if (!removed) {
    skip(flow.readAfterRemove, flow.remove ? `${flow.remove.id} got no answer` : 'nothing was deleted');
    return;
  }
  if (!isSuccess(removed.response.status)) {
    skip(flow.readAfterRemove, `${flow.remove!.operation.key} answered ${removed.response.status}: nothing was deleted`);
    return;
  }
  const readAfter = await send(flow.readAfterRemove);
  if (readAfter && hooks.checks.has(USE_AFTER_FREE)) {
    for (const failure of useAfterFree({ delete: removed, readAfterDelete: readAfter })) hooks.fail(USE_AFTER_FREE, flow.remove!, readAfter, failure);
  }
  // Still served after its delete: cleanup tries once more at the end.
  if (!readAfter || !isSuccess(readAfter.response.status)) hooks.gone(resource);
}
