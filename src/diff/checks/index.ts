import type { DiffCheck } from '../types.js';
import newOptionalRequestParameter from './new-optional-request-parameter.js';
import newOptionalRequestProperty from './new-optional-request-property.js';
import newRequiredRequestParameter from './new-required-request-parameter.js';
import newRequiredRequestProperty from './new-required-request-property.js';
import operationDeprecated from './operation-deprecated.js';
import operationIdChanged from './operation-id-changed.js';
import operationRemoved from './operation-removed.js';
import pathRemoved from './path-removed.js';
import requestBodyBecameRequired from './request-body-became-required.js';
import requestConstraintTightened from './request-constraint-tightened.js';
import requestDefaultChanged from './request-default-changed.js';
import requestEnumValueRemoved from './request-enum-value-removed.js';
import requestMediaTypeRemoved from './request-media-type-removed.js';
import requestParameterBecameRequired from './request-parameter-became-required.js';
import requestParameterLocationChanged from './request-parameter-location-changed.js';
import requestParameterRemoved from './request-parameter-removed.js';
import requestParameterRenamed from './request-parameter-renamed.js';
import requestPatternAdded from './request-pattern-added.js';
import requestPatternChanged from './request-pattern-changed.js';
import requestPropertyBecameRequired from './request-property-became-required.js';
import requestPropertyRemoved from './request-property-removed.js';
import requestSchemaVariantRemoved from './request-schema-variant-removed.js';
import requestTypeChanged from './request-type-changed.js';
import responseConstraintLoosened from './response-constraint-loosened.js';
import responseEnumValueAdded from './response-enum-value-added.js';
import responseHeaderBecameOptional from './response-header-became-optional.js';
import responseHeaderRemoved from './response-header-removed.js';
import responseMediaTypeRemoved from './response-media-type-removed.js';
import responseNonSuccessStatusRemoved from './response-non-success-status-removed.js';
import responseOptionalPropertyRemoved from './response-optional-property-removed.js';
import responsePropertyAdded from './response-property-added.js';
import responsePropertyBecameOptional from './response-property-became-optional.js';
import responseRequiredPropertyRemoved from './response-required-property-removed.js';
import responseSchemaVariantAdded from './response-schema-variant-added.js';
import responseSuccessStatusChanged from './response-success-status-changed.js';
import responseSuccessStatusRemoved from './response-success-status-removed.js';
import responseTypeChanged from './response-type-changed.js';
import securityAdded from './security-added.js';
import securityScopeAdded from './security-scope-added.js';
import serverUrlChanged from './server-url-changed.js';

/** Every change check, in the order changes are reported within an operation. */
export const CHECKS: readonly DiffCheck[] = [
  pathRemoved,
  operationRemoved,
  serverUrlChanged,
  securityAdded,
  securityScopeAdded,
  requestParameterRemoved,
  requestParameterRenamed,
  requestParameterLocationChanged,
  newRequiredRequestParameter,
  requestParameterBecameRequired,
  newOptionalRequestParameter,
  requestBodyBecameRequired,
  requestMediaTypeRemoved,
  requestTypeChanged,
  requestEnumValueRemoved,
  requestPropertyRemoved,
  newRequiredRequestProperty,
  requestPropertyBecameRequired,
  newOptionalRequestProperty,
  requestConstraintTightened,
  requestPatternAdded,
  requestPatternChanged,
  requestDefaultChanged,
  requestSchemaVariantRemoved,
  responseSuccessStatusRemoved,
  responseSuccessStatusChanged,
  responseNonSuccessStatusRemoved,
  responseMediaTypeRemoved,
  responseHeaderRemoved,
  responseHeaderBecameOptional,
  responseTypeChanged,
  responseRequiredPropertyRemoved,
  responseOptionalPropertyRemoved,
  responsePropertyBecameOptional,
  responsePropertyAdded,
  responseEnumValueAdded,
  responseConstraintLoosened,
  responseSchemaVariantAdded,
  operationIdChanged,
  operationDeprecated,
];

export const CHECKS_BY_ID: ReadonlyMap<string, DiffCheck> = new Map(CHECKS.map((check) => [check.id, check]));

/** Where each check is documented; derived from the id in this one place. */
export function checkDocumentationUrl(id: string): string {
  return `https://github.com/apigate/apigate/blob/main/docs/diff/${id}.md`;
}
