import { useEffect, useState, type ComponentType } from 'react';
import { trackPageLoad } from '../pages/page-loads';

/** A component split into its own chunk, and how to load that chunk ahead of need. */
export type LazyPart<P> = ((props: P) => React.JSX.Element | null) & { preload: () => Promise<void> };

/**
 * A component whose code loads in its own chunk the first time it mounts or on `preload` (a dialog, a menu, a
 * popover: parts not on screen until asked for), so the page that holds it paints without it. Until the code is
 * there it renders nothing; once loaded it renders at once. Loads are tracked like a page's (`pageLoadsSettled`); a
 * failed load leaves the part empty (never the app broken) and is tried again on the next mount or preload.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const ensure = (): Promise<ComponentType<P>> => {
    pending ??= trackPageLoad(load()).then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  function LazyPartView(props: P): React.JSX.Element | null {
    const [Part, setPart] = useState<{ component: ComponentType<P> } | undefined>(() => (loaded === undefined ? undefined : { component: loaded }));
    useEffect(() => {
      if (Part !== undefined) return undefined;
      let live = true;
      ensure().then(
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
  return Object.assign(LazyPartView, { preload: () => ensure().then(() => undefined) });
}
