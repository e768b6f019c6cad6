// The one error shape that crosses every transport (IPC, HTTP), and the codes it may carry.
// Services throw DeskError; the dispatch turns anything else into INTERNAL without a stack.

export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'CONSTRAINT',
  'FORBIDDEN',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SCHEMA_TOO_NEW',
  /** The database file is damaged; it was not opened for writing. */
  'CORRUPT',
  'READ_ONLY',
  'DISK_FULL',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/** A field problem as shown to people: which field, what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.details = details;
  }

  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromBody(body: ApiErrorBody): DeskError {
    return new DeskError(body.code, body.message, body.details);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
