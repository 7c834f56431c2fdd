import { useCallback, useEffect, useRef, useState } from 'react';
import type { FsEntry } from '../../../../shared/model/container-files';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';

/** A folder as the browser shows it: the pages loaded so far, whether more remain, and the load state. */
export interface FolderListing {
  path: string;
  entries: FsEntry[];
  complete: boolean;
  truncated: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: IpcError | null;
  /** Loads the next page (when not complete). */
  loadMore: () => void;
  /** Loads the folder again from its first page. */
  reload: () => void;
}

/**
 * Lists a folder of a container page by page (`container-files:list`): the first page when `path` or `reloadKey`
 * changes, the next on `loadMore`. An answer for a folder no longer shown is dropped.
 */
export function useFolderListing(id: string, path: string, reloadKey: number): FolderListing {
  const [entries, setEntries] = useState<FsEntry[]>([]);
  const [complete, setComplete] = useState(true);
  const [truncated, setTruncated] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [again, setAgain] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setEntries([]);
    invoke('container-files:list', { id, path })
      .then((page) => {
        if (mine !== generation.current) return;
        setEntries(page.entries);
        setComplete(page.complete);
        setTruncated(page.truncated);
      })
      .catch((caught: unknown) => {
        if (mine === generation.current) setError(toIpcError(caught));
      })
      .finally(() => {
        if (mine === generation.current) setLoading(false);
      });
  }, [id, path, reloadKey, again]);

  const loadMore = useCallback(() => {
    if (complete || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    invoke('container-files:list', { id, path, offset: entries.length })
      .then((page) => {
        if (mine !== generation.current) return;
        setEntries((shown) => [...shown, ...page.entries]);
        setComplete(page.complete);
        setTruncated(page.truncated);
      })
      .catch((caught: unknown) => {
        if (mine === generation.current) setError(toIpcError(caught));
      })
      .finally(() => {
        if (mine === generation.current) setLoadingMore(false);
      });
  }, [id, path, complete, loadingMore, entries.length]);

  const reload = useCallback(() => setAgain((n) => n + 1), []);
  return { path, entries, complete, truncated, loading, loadingMore, error, loadMore, reload };
}
