import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'path-removed',
  level: 'breaking',
  description: 'A path was removed, taking its operations with it.',
  operationRemoved(removed, emit) {
    if (!removed.pathRemoved) return;
    const remains = removed.at.pointer.length > 1;
    const reason = remains ? 'no operation remains on its path' : 'its path no longer exists';
    emit({ message: `${removed.label} was removed (${reason})`, at: removed.at, removed: removed.operation.node });
  },
});
