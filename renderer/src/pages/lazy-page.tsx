import { createElement, lazy } from 'react';
import { trackPageLoad } from './page-loads';

/** A page component: it takes the route parameter. */
export type PageComponent = (props: { param: string | null }) => React.JSX.Element;

/** A page whose code loads on first use (or on `preload`), in its own chunk. */
export interface LazyPage {
  component: PageComponent;
  /** Loads the page's code ahead of need; resolves once it can render without suspending. */
  preload: () => Promise<void>;
}

/**
 * Splits a page into its own chunk. Before its code has loaded the page suspends (React.lazy) and the nearest
 * Suspense boundary shows its fallback; once loaded, by a visit or by `preload`, it renders synchronously, so a
 * preloaded page opens without a fallback frame. A load that fails is tried again on the next visit or preload.
 */
export function lazyPage(load: () => Promise<PageComponent>): LazyPage {
  let loaded: PageComponent | undefined;
  let pending: Promise<PageComponent> | undefined;
  const ensure = (): Promise<PageComponent> => {
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
  const Suspending = lazy(() => ensure().then((component) => ({ default: component })));
  function Page(props: { param: string | null }): React.JSX.Element {
    return loaded === undefined ? <Suspending {...props} /> : createElement(loaded, props);
  }
  return { component: Page, preload: () => ensure().then(() => undefined) };
}
