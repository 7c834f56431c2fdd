import { useEffect, useState, type ComponentType } from 'react';
import { chunkLoader, type ChunkLoader } from '../pages/page-loads';

/** A component split into its own chunk, and how to load that chunk ahead of need. */
export type LazyPart<P> = ((props: P) => React.JSX.Element | null) & { preload: () => Promise<void> };

/** What a view holds of a chunk: its value once loaded, and whether its load failed. */
export interface ChunkState<T> {
  value: T | undefined;
  failed: boolean;
}

/**
 * A chunk's value for a view: at once when already loaded, else loaded on mount and set as state when it arrives; a
 * load that settles after unmount sets nothing.
 */
export function useChunk<T>(chunk: ChunkLoader<T>): ChunkState<T> {
  const [held, setHeld] = useState<{ value: T } | undefined>(() => {
    const loaded = chunk.loaded();
    return loaded === undefined ? undefined : { value: loaded };
  });
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (held !== undefined) return undefined;
    let live = true;
    chunk.ensure().then(
      (value) => {
        if (live) setHeld({ value });
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [chunk, held]);
  return { value: held?.value, failed };
}

/**
 * A component whose code loads in its own chunk the first time it mounts or on `preload` (a dialog, a menu, a
 * popover: parts not on screen until asked for), so the page that holds it paints without it. Until the code is
 * there it renders nothing; once loaded it renders at once. Loads are tracked like a page's (`pageLoadsSettled`); a
 * failed load leaves the part empty (never the app broken) and is tried again on the next mount or preload.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  const chunk = chunkLoader(load);
  function LazyPartView(props: P): React.JSX.Element | null {
    const Part = useChunk(chunk).value;
    return Part === undefined ? null : <Part {...props} />;
  }
  return Object.assign(LazyPartView, { preload: () => chunk.ensure().then(() => undefined) });
}
