// Placeholder handler map, being written now; every method answers INTERNAL until it lands.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';

type Method = 'workOrders.calendar' | 'workOrders.board' | 'workOrders.kpis';

function notYet(method: string): () => never {
  return () => {
    throw new DeskError('INTERNAL', `${method} is not available yet`);
  };
}

export const workOrderViewsHandlers: Handlers<Method> = {
  'workOrders.calendar': notYet('workOrders.calendar'),
  'workOrders.board': notYet('workOrders.board'),
  'workOrders.kpis': notYet('workOrders.kpis'),
};
