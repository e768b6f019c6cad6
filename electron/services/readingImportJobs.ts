// Handlers of the reading-import jobs (meters.importStart / importJob / importCancel).
import type { Handlers } from '../api';

type Method = 'meters.importStart' | 'meters.importJob' | 'meters.importCancel';

export const readingImportHandlers: Handlers<Method> = {
  'meters.importStart': () => {
    throw new Error('reading import: not yet built');
  },
  'meters.importJob': () => {
    throw new Error('reading import: not yet built');
  },
  'meters.importCancel': () => {
    throw new Error('reading import: not yet built');
  },
};
