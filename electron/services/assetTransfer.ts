// Handlers of the asset import and export methods: thin wrappers over assetImport.ts and
// assetExport.ts, registered in the dispatch as one map.
import type { Handlers } from '../api';
import { assetTemplate, exportAssets } from './assetExport';
import { importCommit, importPreview } from './assetImport';

export const assetTransferHandlers: Handlers<
  'assets.importPreview' | 'assets.importCommit' | 'assets.export' | 'assets.template'
> = {
  'assets.importPreview': ({ fileName, contentBase64 }, ctx) =>
    importPreview(ctx, { fileName, contentBase64 }),
  'assets.importCommit': ({ fileName, contentBase64, mode }, ctx) =>
    importCommit(ctx, { fileName, contentBase64 }, mode),
  'assets.export': (input, ctx) => exportAssets(ctx, input),
  'assets.template': (input, ctx) => assetTemplate(ctx, input),
};
