import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'operation-removed',
  level: 'breaking',
  description: 'An operation (method) was removed from a path that still exists.',
  operationRemoved(removed, emit) {
    if (removed.pathRemoved) return;
    emit({ message: `${removed.label} was removed`, at: removed.at, removed: removed.operation.node });
  },
});
