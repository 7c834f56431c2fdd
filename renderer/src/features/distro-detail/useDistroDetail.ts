import { useCallback, useState } from 'react';
import type { Distro, DistroDetail } from '../../../../shared/model/distro';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The detail of one distro, kept live, and whether it disappeared from WSL's list (unregistered elsewhere or here). */
export interface DistroDetailModel {
  detail: DistroDetail | undefined;
  loading: boolean;
  loadError: IpcError | undefined;
  /** True once a `distros:changed` push no longer lists the distro. */
  gone: boolean;
  refetch: () => void;
  /** Marks the distro gone without waiting for the push (after this page unregistered it). */
  markGone: () => void;
}

function sameRow(a: Distro, b: Distro): boolean {
  return a.state === b.state && a.version === b.version && a.isDefault === b.isDefault;
}

/**
 * Fetches `distros:show` for a name and refetches it whenever a `distros:changed` push shows that distro's row
 * changed (started, stopped, converted, made default), so IP, mounts and disk follow; a push without it marks it gone.
 */
export function useDistroDetail(name: string): DistroDetailModel {
  const [gone, setGone] = useState(false);
  useIpcEvent('distros:changed', (distros) => {
    const row = distros.find((distro) => distro.name.toLowerCase() === name.toLowerCase());
    setGone(row === undefined);
    if (row !== undefined && (detail.data === undefined || !sameRow(row, detail.data))) detail.refetch();
  });
  const detail = useIpcQuery('distros:show', { name });
  const markGone = useCallback(() => setGone(true), []);
  return { detail: detail.data, loading: detail.loading, loadError: detail.error, gone, refetch: detail.refetch, markGone };
}
