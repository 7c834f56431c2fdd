import { useEffect, useState } from 'react';
import type { FsFileText } from '../../../../shared/model/container-files';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';

/** A file's text as the viewer shows it, or its load state. */
export interface FileTextState {
  file: FsFileText | null;
  loading: boolean;
  error: IpcError | null;
}

/** Reads a file of a container (`container-files:read`) whenever `path` changes; null reads nothing. */
export function useFileText(id: string, path: string | null): FileTextState {
  const [state, setState] = useState<FileTextState>({ file: null, loading: false, error: null });
  useEffect(() => {
    if (path === null) {
      setState({ file: null, loading: false, error: null });
      return;
    }
    let current = true;
    setState({ file: null, loading: true, error: null });
    invoke('container-files:read', { id, path })
      .then((file) => {
        if (current) setState({ file, loading: false, error: null });
      })
      .catch((caught: unknown) => {
        if (current) setState({ file: null, loading: false, error: toIpcError(caught) });
      });
    return () => {
      current = false;
    };
  }, [id, path]);
  return state;
}
