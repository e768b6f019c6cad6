// Placeholder handler map, being written now; every method answers INTERNAL until it lands.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';

type Method =
  | 'requests.create'
  | 'requests.list'
  | 'requests.get'
  | 'requests.openOrdersFor'
  | 'requests.convert'
  | 'requests.merge';

function notYet(method: string): () => never {
  return () => {
    throw new DeskError('INTERNAL', `${method} is not available yet`);
  };
}

export const requestsHandlers: Handlers<Method> = {
  'requests.create': notYet('requests.create'),
  'requests.list': notYet('requests.list'),
  'requests.get': notYet('requests.get'),
  'requests.openOrdersFor': notYet('requests.openOrdersFor'),
  'requests.convert': notYet('requests.convert'),
  'requests.merge': notYet('requests.merge'),
};
