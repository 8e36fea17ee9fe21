import { selectCheckIds, selectChecks, STATEFUL_CHECK_IDS } from './checks/index.js';
import { bodySchemaKey, isJsonMediaType, mediaTypeEssence, pointerSegment } from './checks/guards.js';
import type { Check, OperationModel, ResponseValidatorApi, SpecModel } from './types.js';
import { createResponseValidator } from './validation/index.js';

export const TRANSPORT_ERROR = 'transport_error';

export interface ContractEngine {
  /** The selected single-exchange checks, in catalogue order. */
  checks: Check[];
  validator: ResponseValidatorApi;
  /** Whether failed exchanges are reported (`transport_error` selected). */
  reportTransportErrors: boolean;
  /** The selected multi-request checks, judged on the exchanges of stateful flows. */
  statefulChecks: Set<string>;
}

/**
 * The checks and the compiled-schema validator for one run, built once. `transport_error` has no module
 * (the runner reports a failed exchange itself) but is selected and excluded like any other id; unknown ids
 * are usage errors raised by the registry.
 */
export function createEngine(spec: SpecModel, include: string[] = [], exclude: string[] = []): ContractEngine {
  const ids = selectCheckIds(include, exclude);
  return {
    checks: selectChecks(include, exclude),
    validator: createResponseValidator(spec),
    reportTransportErrors: ids.has(TRANSPORT_ERROR),
    statefulChecks: new Set(STATEFUL_CHECK_IDS.filter((id) => ids.has(id))),
  };
}

const VALIDATING_CHECKS = new Set(['response_schema_conformance', 'response_headers_conformance', 'error_format_conformance']);

/**
 * Compiles the response body and header schemas the operations document before the first request is sent.
 * Compiled lazily, each schema would stall the event loop while other responses are in flight — slowing the
 * run and adding the compile time to the measured duration of whichever responses were waiting (a
 * `max_response_time` failure the server did not cause).
 */
export function prepareValidation(engine: ContractEngine, operations: readonly OperationModel[]): void {
  if (!engine.checks.some((check) => VALIDATING_CHECKS.has(check.id))) return;
  for (const operation of operations) {
    for (const response of operation.responses) {
      for (const media of response.content) {
        if (!isJsonMediaType(mediaTypeEssence(media.mediaType)) || media.schema === undefined || typeof media.schema === 'boolean') continue;
        try {
          // The value is irrelevant: validating once compiles and caches the schema for the run.
          engine.validator.validateResponseBody(media.schema, undefined, bodySchemaKey(response, media));
        } catch {
          // A schema that cannot be compiled is reported when a response meets it.
        }
      }
      for (const header of response.headers) {
        if (header.schema === undefined || typeof header.schema === 'boolean') continue;
        try {
          engine.validator.validateHeader(header.schema, '', `${response.pointer}/headers/${pointerSegment(header.name)}/schema`);
        } catch {
          // As above.
        }
      }
    }
  }
}
