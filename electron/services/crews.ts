// Placeholder handler map, being written now; every method answers INTERNAL until it lands.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';

type Method =
  | 'crews.list'
  | 'crews.create'
  | 'crews.update'
  | 'crews.delete'
  | 'crews.addTechnician'
  | 'crews.updateTechnician';

function notYet(method: string): () => never {
  return () => {
    throw new DeskError('INTERNAL', `${method} is not available yet`);
  };
}

export const crewsHandlers: Handlers<Method> = {
  'crews.list': notYet('crews.list'),
  'crews.create': notYet('crews.create'),
  'crews.update': notYet('crews.update'),
  'crews.delete': notYet('crews.delete'),
  'crews.addTechnician': notYet('crews.addTechnician'),
  'crews.updateTechnician': notYet('crews.updateTechnician'),
};
