import { useMemo } from 'react';
import type { QuickActionsState } from '../../../../shared/quick-actions/quick-actions-menu';
import { defineLiveQuery } from '../../ipc/live-query';
import { useContainers } from '../containers/useContainers';
import { useEngineStatus } from '../engine/useEngineStatus';
import { distrosList } from '../distros/distros-list';

const lifecycle = defineLiveQuery('engine:lifecycle', {}, 'engine:lifecycle-changed', (value) => value);
// The menu shows only the VM's state and running count, so it never asks for a probe.
const vm = defineLiveQuery('vm:info', { live: false }, 'vm:changed', (value) => value);

/** The engine's lifecycle (stopped, starting, running, stopping, error), app-wide and kept live by its push. */
export function useEngineLifecycle(): ReturnType<typeof lifecycle.use> {
  return lifecycle.use();
}

/**
 * What the quick-actions menu is built from, app-wide and live: engine status and lifecycle, the VM, the distros and
 * the containers; a part that has not arrived (or failed) is null, which the menu shows as waiting.
 */
export function useQuickActionsState(): QuickActionsState {
  const engine = useEngineStatus().status;
  const life = lifecycle.use().data;
  const distroList = distrosList.use().data;
  const vmInfo = vm.use().data;
  const containers = useContainers().containers;
  return useMemo(
    () => ({
      engine: engine ?? null,
      lifecycle: life ?? null,
      vm: vmInfo === undefined ? null : { state: vmInfo.state, runningDistros: vmInfo.runningDistros },
      distros: distroList ?? null,
      containers: containers ?? null,
    }),
    [engine, life, vmInfo, distroList, containers],
  );
}
