// Placeholder handler map, being written now; every method answers INTERNAL until it lands.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';

type Method =
  | 'plans.preview'
  | 'plans.describe'
  | 'plans.list'
  | 'plans.get'
  | 'plans.create'
  | 'plans.update'
  | 'plans.delete'
  | 'plans.generate';

function notYet(method: string): () => never {
  return () => {
    throw new DeskError('INTERNAL', `${method} is not available yet`);
  };
}

export const plansHandlers: Handlers<Method> = {
  'plans.preview': notYet('plans.preview'),
  'plans.describe': notYet('plans.describe'),
  'plans.list': notYet('plans.list'),
  'plans.get': notYet('plans.get'),
  'plans.create': notYet('plans.create'),
  'plans.update': notYet('plans.update'),
  'plans.delete': notYet('plans.delete'),
  'plans.generate': notYet('plans.generate'),
};
