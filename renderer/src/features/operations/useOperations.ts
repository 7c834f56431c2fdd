import { useSyncExternalStore } from 'react';
import type { Operation } from '../../../../shared/model/operation';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { operationsStore } from './operations-store';

/** The known operations, newest first, kept live from `operations:progressed` while the component is mounted. */
export function useOperations(): readonly Operation[] {
  useIpcEvent('operations:progressed', (operation) => operationsStore.apply(operation));
  return useSyncExternalStore(operationsStore.subscribe, operationsStore.get);
}

/** The newest operation of one kind on one target (a distro name), or undefined; live like useOperations. */
export function useOperationFor(kind: Operation['kind'], target: string): Operation | undefined {
  return useOperations().find((operation) => operation.kind === kind && operation.target.toLowerCase() === target.toLowerCase());
}
