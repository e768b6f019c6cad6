// Placeholder handler map, being written now; every method answers INTERNAL until it lands.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';

type Method =
  | 'parts.list'
  | 'parts.create'
  | 'parts.update'
  | 'parts.receive'
  | 'parts.issue'
  | 'parts.return'
  | 'parts.adjust'
  | 'parts.movements'
  | 'parts.reorderList';

function notYet(method: string): () => never {
  return () => {
    throw new DeskError('INTERNAL', `${method} is not available yet`);
  };
}

export const partsHandlers: Handlers<Method> = {
  'parts.list': notYet('parts.list'),
  'parts.create': notYet('parts.create'),
  'parts.update': notYet('parts.update'),
  'parts.receive': notYet('parts.receive'),
  'parts.issue': notYet('parts.issue'),
  'parts.return': notYet('parts.return'),
  'parts.adjust': notYet('parts.adjust'),
  'parts.movements': notYet('parts.movements'),
  'parts.reorderList': notYet('parts.reorderList'),
};
