/**
 * The check catalogue. Ids are fixed (Schemathesis's where one exists) because users write them in
 * `--checks`/`--exclude-checks` and reports carry them. Some ids have no module here: `transport_error` is
 * produced by the runner itself, and the multi-request checks judge a flow of exchanges rather than one.
 */
import { ApigateError } from '../../errors.js';
import type { Check } from '../types.js';
import content_type_conformance from './content_type_conformance.js';
import error_format_conformance from './error_format_conformance.js';
import ignored_auth from './ignored_auth.js';
import max_response_time from './max_response_time.js';
import negative_data_rejection from './negative_data_rejection.js';
import not_a_server_error from './not_a_server_error.js';
import positive_data_acceptance from './positive_data_acceptance.js';
import rate_limit_headers from './rate_limit_headers.js';
import response_headers_conformance from './response_headers_conformance.js';
import response_schema_conformance from './response_schema_conformance.js';
import status_code_conformance from './status_code_conformance.js';
import undocumented_property from './undocumented_property.js';

/** Single-exchange checks, in the order their failures are listed for one response. */
export const ALL_CHECKS = [
  not_a_server_error,
  status_code_conformance,
  content_type_conformance,
  response_headers_conformance,
  response_schema_conformance,
  undocumented_property,
  negative_data_rejection,
  positive_data_acceptance,
  ignored_auth,
  error_format_conformance,
  rate_limit_headers,
  max_response_time,
] as const satisfies readonly Check[];

export const RUNNER_CHECK_IDS = ['transport_error'] as const;
export const STATEFUL_CHECK_IDS = ['use_after_free', 'ensure_resource_availability', 'object_level_authorization', 'misleading_success_status'] as const;

export type SingleExchangeCheckId = (typeof ALL_CHECKS)[number]['id'];
export type CheckId = SingleExchangeCheckId | (typeof RUNNER_CHECK_IDS)[number] | (typeof STATEFUL_CHECK_IDS)[number];

export const KNOWN_CHECK_IDS: readonly CheckId[] = [
  ...ALL_CHECKS.map((check) => check.id),
  ...RUNNER_CHECK_IDS,
  ...STATEFUL_CHECK_IDS,
];

/** Selects every check. */
export const ALL_KEYWORD = 'all';

export function isCheckId(id: string): id is CheckId {
  return (KNOWN_CHECK_IDS as readonly string[]).includes(id);
}

/**
 * The ids a run uses: `include` (default: all) minus `exclude`. An unknown id is a usage error naming it,
 * with the closest known id when one is near.
 */
export function selectCheckIds(include?: readonly string[], exclude?: readonly string[]): Set<CheckId> {
  const wanted = normalise(include, 'checks');
  const unwanted = normalise(exclude, 'exclude-checks');
  const base = wanted.length === 0 || wanted.includes(ALL_KEYWORD) ? KNOWN_CHECK_IDS : (wanted as CheckId[]);
  const dropAll = unwanted.includes(ALL_KEYWORD);
  return new Set(base.filter((id) => !dropAll && !unwanted.includes(id)));
}

/** The single-exchange check modules a run uses, in catalogue order. */
export function selectChecks(include?: readonly string[], exclude?: readonly string[]): Check[] {
  const ids = selectCheckIds(include, exclude);
  return ALL_CHECKS.filter((check) => ids.has(check.id));
}

function normalise(ids: readonly string[] | undefined, option: string): string[] {
  const result: string[] = [];
  for (const raw of ids ?? []) {
    const id = raw.trim();
    if (id === '') continue;
    if (id !== ALL_KEYWORD && !isCheckId(id)) {
      const suggestion = closest(id);
      throw new ApigateError(
        'E_USAGE',
        `Unknown check "${id}" in --${option}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. Known checks: ${KNOWN_CHECK_IDS.join(', ')}.`,
      );
    }
    result.push(id);
  }
  return result;
}

function closest(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const known of KNOWN_CHECK_IDS) {
    const distance = editDistance(id.toLowerCase(), known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
