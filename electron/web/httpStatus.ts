// How each API error code maps onto an HTTP status for the web host.
import type { ErrorCode } from '../../shared/contract/errors';

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  CONSTRAINT: 409,
  SCHEMA_TOO_NEW: 409,
  CORRUPT: 503,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  READ_ONLY: 503,
  DISK_FULL: 507,
  INTERNAL: 500,
};
