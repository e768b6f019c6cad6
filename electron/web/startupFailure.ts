// The one line the web host prints, in Chinese and English, when the database cannot be opened for
// a reason the person at the keyboard can act on (a damaged file, a file from a newer app), in
// place of a stack trace. Anything else is not recognised here and stays a crash with its stack.
import { DeskError } from '../../shared/contract/errors';

interface CorruptDetails {
  newestGoodBackup?: { file?: unknown };
  backupDir?: unknown;
}

interface TooNewDetails {
  databaseVersion?: unknown;
  appVersion?: unknown;
}

export function startupFailureLine(error: unknown, file: string): string | null {
  if (!(error instanceof DeskError)) return null;
  if (error.code === 'CORRUPT') {
    const details = (error.details ?? {}) as CorruptDetails;
    const backup = details.newestGoodBackup?.file;
    const folder = typeof details.backupDir === 'string' ? details.backupDir : '';
    const zh =
      typeof backup === 'string'
        ? `数据库文件已损坏，未打开：${file}。最新的完好备份：${backup}，可运行 npm run cli -- restore-backup --db "${file}" 从该备份恢复。`
        : `数据库文件已损坏，未打开：${file}。在 ${folder} 中没有找到完好的备份。`;
    const en =
      typeof backup === 'string'
        ? `The database file is damaged and was not opened: ${file}. Newest good backup: ${backup}; restore it with npm run cli -- restore-backup --db "${file}".`
        : `The database file is damaged and was not opened: ${file}. No good backup was found in ${folder}.`;
    return `${zh} / ${en}`;
  }
  if (error.code === 'SCHEMA_TOO_NEW') {
    const { databaseVersion, appVersion } = (error.details ?? {}) as TooNewDetails;
    const versions = `${String(databaseVersion ?? '?')} > ${String(appVersion ?? '?')}`;
    return (
      `此数据库来自更新版本的 Utility Desk（架构版本 ${versions}），请升级本程序后再打开：${file}` +
      ` / This database is from a newer Utility Desk (schema ${versions}); update the app to open it: ${file}`
    );
  }
  return null;
}
