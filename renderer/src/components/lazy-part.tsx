import { useEffect, useState, type ComponentType } from 'react';
import { chunkLoader } from '../pages/page-loads';

/** A component split into its own chunk, and how to load that chunk ahead of need. */
export type LazyPart<P> = ((props: P) => React.JSX.Element | null) & { preload: () => Promise<void> };

/**
 * A component whose code loads in its own chunk the first time it mounts or on `preload` (a dialog, a menu, a
 * popover: parts not on screen until asked for), so the page that holds it paints without it. Until the code is
 * there it renders nothing; once loaded it renders at once. Loads are tracked like a page's (`pageLoadsSettled`); a
 * failed load leaves the part empty (never the app broken) and is tried again on the next mount or preload.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  const chunk = chunkLoader(load);
  function LazyPartView(props: P): React.JSX.Element | null {
    const [Part, setPart] = useState<{ component: ComponentType<P> } | undefined>(() => {
      const loaded = chunk.loaded();
      return loaded === undefined ? undefined : { component: loaded };
    });
    useEffect(() => {
      if (Part !== undefined) return undefined;
      let live = true;
      chunk.ensure().then(
        (component) => {
          if (live) setPart({ component });
        },
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, [Part]);
    return Part === undefined ? null : <Part.component {...props} />;
  }
  return Object.assign(LazyPartView, { preload: () => chunk.ensure().then(() => undefined) });
}
