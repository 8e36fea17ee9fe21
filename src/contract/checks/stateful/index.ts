/**
 * The multi-request checks as pure functions over the exchanges of one flow; the runner decides which
 * requests make a flow and calls these with what came back.
 */
export { ensureResourceAvailability, ENSURE_RESOURCE_AVAILABILITY } from './ensure_resource_availability.js';
export type { FlowExchange } from './exchange.js';
export { misleadingSuccessStatus, MISLEADING_SUCCESS_STATUS } from './misleading_success_status.js';
export { objectLevelAuthorization, OBJECT_LEVEL_AUTHORIZATION, type AuthorizationFlow } from './object_level_authorization.js';
export { useAfterFree, USE_AFTER_FREE } from './use_after_free.js';
