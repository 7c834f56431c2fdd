import { useCallback, useEffect, useRef, useState } from 'react';
import type { Distro, DistroDetail } from '../../../../shared/model/distro';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import type { DistroActionOutcome } from './useDistroActions';

/** The detail of one distro, kept live, and whether it disappeared from WSL's list (unregistered elsewhere or here). */
export interface DistroDetailModel {
  detail: DistroDetail | undefined;
  loading: boolean;
  loadError: IpcError | undefined;
  /** True once a `distros:changed` push no longer lists the distro. */
  gone: boolean;
  refetch: () => void;
  /** Applies what one of this page's actions answered (its row, its disk, or that the distro is gone). */
  apply: (outcome: DistroActionOutcome) => void;
}

/** The list row of a distro (what `distros:changed` and the quick actions carry). */
function rowOf(distro: Distro): Distro {
  return { name: distro.name, state: distro.state, version: distro.version, isDefault: distro.isDefault };
}

/** True when the detail's disk, mounts, IP, OS or user may differ: the distro started, stopped or was converted. */
function needsShow(before: Distro, after: Distro): boolean {
  return before.state !== after.state || before.version !== after.version;
}

/**
 * Fetches `distros:show` for a name once, then follows its row from `distros:changed` pushes and from this page's
 * action answers: a row whose state or version changed fetches `distros:show` again (IP, mounts and disk follow)
 * once, however many of the push and the answer report it; a changed default flag, a new disk (compact, sparse)
 * are applied as they are; a push without the distro, or an unregister, marks it gone.
 */
export function useDistroDetail(name: string): DistroDetailModel {
  const [gone, setGone] = useState(false);
  /** The row the detail shows, or is being fetched for (undefined until the first answer). */
  const known = useRef<Distro | undefined>(undefined);

  const takeRow = (row: Distro): void => {
    const before = known.current;
    known.current = rowOf(row);
    if (before === undefined || needsShow(before, row)) refetch();
    else if (before.isDefault !== row.isDefault || before.name !== row.name) {
      patch((current) => ({ ...current, name: row.name, isDefault: row.isDefault }));
    }
  };

  useIpcEvent('distros:changed', (distros) => {
    const row = distros.find((distro) => distro.name.toLowerCase() === name.toLowerCase());
    setGone(row === undefined);
    if (row !== undefined) takeRow(row);
  });
  const detail = useIpcQuery('distros:show', { name });
  const { refetch, patch } = detail;

  useEffect(() => {
    if (detail.data !== undefined) known.current = rowOf(detail.data);
  }, [detail.data]);

  const apply = (outcome: DistroActionOutcome): void => {
    if (outcome.kind === 'gone') setGone(true);
    else if (outcome.kind === 'row') takeRow(outcome.distro);
    else if (outcome.kind === 'disk') patch((current) => ({ ...current, disk: outcome.disk }));
  };
  const latestApply = useRef(apply);
  useEffect(() => {
    latestApply.current = apply;
  });
  const stableApply = useCallback((outcome: DistroActionOutcome) => latestApply.current(outcome), []);

  return { detail: detail.data, loading: detail.loading, loadError: detail.error, gone, refetch, apply: stableApply };
}
