// Placeholder handler map, being written now; every method answers INTERNAL until it lands.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';

type Method =
  | 'workOrders.create'
  | 'workOrders.get'
  | 'workOrders.update'
  | 'workOrders.transition'
  | 'workOrders.query'
  | 'workOrders.markPrinted'
  | 'workOrders.attachment';

function notYet(method: string): () => never {
  return () => {
    throw new DeskError('INTERNAL', `${method} is not available yet`);
  };
}

export const workOrdersHandlers: Handlers<Method> = {
  'workOrders.create': notYet('workOrders.create'),
  'workOrders.get': notYet('workOrders.get'),
  'workOrders.update': notYet('workOrders.update'),
  'workOrders.transition': notYet('workOrders.transition'),
  'workOrders.query': notYet('workOrders.query'),
  'workOrders.markPrinted': notYet('workOrders.markPrinted'),
  'workOrders.attachment': notYet('workOrders.attachment'),
};
