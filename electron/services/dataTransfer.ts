// Handlers of the whole-data export and restore: base64 in and out around dataExport.ts and
// dataImport.ts, registered in the dispatch as one map.
import { dataTransferLimits } from '../../shared/contract/dataTransfer';
import type { Handlers } from '../api';
import { exportAll } from './dataExport';
import { importAll } from './dataImport';
import { decodeBase64 } from './tableFile';

export const dataTransferHandlers: Handlers<'data.exportAll' | 'data.importAll'> = {
  'data.exportAll': (_input, ctx) => {
    const archive = exportAll(ctx.db, { appVersion: ctx.core.appVersion });
    return {
      fileName: archive.fileName,
      contentBase64: Buffer.from(archive.bytes).toString('base64'),
      tables: archive.tables,
    };
  },
  'data.importAll': ({ fileName, contentBase64 }, ctx) =>
    importAll(ctx.db, {
      fileName,
      bytes: decodeBase64(contentBase64, dataTransferLimits.maxZipBytes),
      actor: ctx.actor,
    }),
};
