import { selectCheckIds, selectChecks, STATEFUL_CHECK_IDS } from './checks/index.js';
import type { Check, ResponseValidatorApi, SpecModel } from './types.js';
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
