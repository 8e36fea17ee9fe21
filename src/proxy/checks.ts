import type { Check, ContractOptions, SpecModel } from '../contract/types.js';
import { createResponseValidator } from '../contract/validation/validator.js';
import type { ExchangeValidator } from './proxy.js';
import { createProxyValidator } from './validate.js';

/** The proxy's validator: the contract runner's response validator and check modules, compiled once per run. */
export function proxyValidatorFor(spec: SpecModel, contract: ContractOptions, checks: Check[]): ExchangeValidator {
  return createProxyValidator({ spec, checks, validator: createResponseValidator(spec), contract });
}
