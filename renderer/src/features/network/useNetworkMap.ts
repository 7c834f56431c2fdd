import { useCallback, useRef, useState } from 'react';
import type { NetworkMap, PortReachability, PublishedPort } from '../../../../shared/model/network-map';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import { laterReachability } from './network-words';

/** Everything the Network page reads and does: the map, each port's latest finding, single and bulk checks. */
export interface NetworkModel {
  map: NetworkMap | undefined;
  loadError: IpcError | undefined;
  loading: boolean;
  refetch: () => void;
  /** The latest finding for a port: from the map or from a later check, whichever is newer. */
  reachabilityOf: (port: PublishedPort) => PortReachability;
  /** Ids of the ports being checked one by one. */
  checking: ReadonlySet<string>;
  /** The last failed single check per port id. */
  checkErrors: ReadonlyMap<string, IpcError>;
  check: (port: PublishedPort) => Promise<void>;
  checkingAll: boolean;
  checkAllError: IpcError | undefined;
  /** Fetches the map with every TCP port checked; its result replaces the map unless cancelled first. */
  checkAll: () => Promise<void>;
  /** Stops waiting for Check all: its answer, when it comes, is ignored. */
  cancelCheckAll: () => void;
}

function without<T>(map: ReadonlyMap<string, T>, key: string): Map<string, T> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

/**
 * The network map kept current: fetched with `network:map`, fetched again after `containers:changed`; a single
 * check (`network:check-port`) and Check all (`network:map` with `checkPorts`) keep each port's newest finding, so
 * a later plain fetch (which answers "unchecked") never hides a check. Failures land in the model, never throw.
 */
export function useNetworkMap(): NetworkModel {
  const [findings, setFindings] = useState<ReadonlyMap<string, PortReachability>>(new Map());
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [checkErrors, setCheckErrors] = useState<ReadonlyMap<string, IpcError>>(new Map());
  const [checkingAll, setCheckingAll] = useState(false);
  const [checkAllError, setCheckAllError] = useState<IpcError | undefined>(undefined);
  const bulkRun = useRef(0);

  useIpcEvent('containers:changed', () => refetch());
  const query = useIpcQuery('network:map', {});
  const { refetch, setData } = query;

  const keep = useCallback((entries: readonly (readonly [string, PortReachability])[]) => {
    setFindings((previous) => {
      const next = new Map(previous);
      for (const [id, found] of entries) next.set(id, laterReachability(found, previous.get(id)));
      return next;
    });
  }, []);

  const check = useCallback(
    async (port: PublishedPort) => {
      setChecking((previous) => new Set(previous).add(port.id));
      setCheckErrors((previous) => without(previous, port.id));
      try {
        const found = await invoke('network:check-port', { containerId: port.containerId, publicPort: port.publicPort, protocol: port.protocol });
        keep([[port.id, found]]);
      } catch (error) {
        setCheckErrors((previous) => new Map(previous).set(port.id, toIpcError(error)));
      } finally {
        setChecking((previous) => {
          const next = new Set(previous);
          next.delete(port.id);
          return next;
        });
      }
    },
    [keep],
  );

  const checkAll = useCallback(async () => {
    bulkRun.current += 1;
    const run = bulkRun.current;
    setCheckingAll(true);
    setCheckAllError(undefined);
    try {
      const map = await invoke('network:map', { checkPorts: true });
      if (run !== bulkRun.current) return;
      setData(map);
      keep(map.ports.map((port) => [port.id, port.reachability] as const));
    } catch (error) {
      if (run === bulkRun.current) setCheckAllError(toIpcError(error));
    } finally {
      if (run === bulkRun.current) setCheckingAll(false);
    }
  }, [keep, setData]);

  const cancelCheckAll = useCallback(() => {
    bulkRun.current += 1;
    setCheckingAll(false);
  }, []);

  const reachabilityOf = useCallback((port: PublishedPort) => laterReachability(port.reachability, findings.get(port.id)), [findings]);

  return {
    map: query.data,
    loadError: query.error,
    loading: query.loading,
    refetch,
    reachabilityOf,
    checking,
    checkErrors,
    check,
    checkingAll,
    checkAllError,
    checkAll,
    cancelCheckAll,
  };
}
