import { useCallback, useSyncExternalStore } from 'react';
import type { Operation } from '../../../../shared/model/operation';
import { invoke } from '../../ipc/ipc-client';
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

/** What a Cancel button needs: whether a cancel was asked for this operation, and the function that asks it. */
export interface CancelOperation {
  cancelling: boolean;
  cancel: () => void;
}

/**
 * Cancels one running operation through `operations:cancel`; `cancelling` is true from the click until the
 * operation's last push (cancelled, or succeeded/failed when the cancel came too late). A refused or failed
 * request clears it again, so the button comes back.
 */
export function useCancelOperation(operation: Pick<Operation, 'id'>): CancelOperation {
  const cancelling = useSyncExternalStore(operationsStore.subscribe, () => operationsStore.cancelling().has(operation.id));
  const { id } = operation;
  const cancel = useCallback(() => {
    operationsStore.markCancelling(id, true);
    invoke('operations:cancel', { id }).then(
      ({ cancelled }) => {
        if (!cancelled) operationsStore.markCancelling(id, false);
      },
      () => operationsStore.markCancelling(id, false),
    );
  }, [id]);
  return { cancelling, cancel };
}
