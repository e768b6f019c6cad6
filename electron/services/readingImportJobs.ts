// Handlers of the reading-import jobs: start one (a dry run or a commit) in its own thread, ask
// where it stands, cancel it. The import itself is readingImport.ts; the threads, importJobs.ts.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import { cancelImport, importStatus, startImport } from '../worker/importJobs';

type Method = 'meters.importStart' | 'meters.importJob' | 'meters.importCancel';

export const readingImportHandlers: Handlers<Method> = {
  'meters.importStart': (input, ctx) => {
    if (ctx.core.readOnly) {
      throw new DeskError(
        'READ_ONLY',
        '数据库以只读方式打开，不能导入 / The database is read-only.',
      );
    }
    return startImport(
      {
        dbPath: ctx.core.file,
        backupDir: ctx.core.backupDir,
        appVersion: ctx.core.appVersion,
        actor: ctx.actor,
      },
      input,
    );
  },
  'meters.importJob': ({ jobId }) => importStatus(jobId),
  'meters.importCancel': ({ jobId }) => cancelImport(jobId),
};
