// Turns whatever a handler threw into the API's error shape. Known failures get their own code;
// anything unexpected is logged in full here and reaches the UI only as INTERNAL, without a stack.
import { ZodError } from 'zod';
import { DeskError, type ApiErrorBody, type FieldIssue } from '../shared/contract/errors';

export function validationError(error: ZodError, where = 'input'): DeskError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  return new DeskError('VALIDATION', `Invalid ${where}: ${summary}`, { issues });
}

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

export function toErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof DeskError) return error.toBody();
  if (error instanceof ZodError) return validationError(error).toBody();
  const e = error as SqliteLikeError;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return {
      code: code === 'SQLITE_CONSTRAINT_UNIQUE' ? 'CONFLICT' : 'CONSTRAINT',
      message: `The change breaks a rule of the register: ${String(e.message)}`,
      details: { sqlite: code },
    };
  }
  if (code === 'SQLITE_FULL') {
    return {
      code: 'DISK_FULL',
      message: 'The disk is full: the change was not saved. Free some space and try again.',
    };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return {
      code: 'READ_ONLY',
      message: 'The database is read-only here: the change was not saved.',
    };
  }
  console.error('[utility-desk] unexpected error in a handler:', error);
  return { code: 'INTERNAL', message: 'An internal error occurred; it has been logged.' };
}
