import { createElement, lazy } from 'react';
import { chunkLoader } from './page-loads';

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
  const chunk = chunkLoader(load);
  const Suspending = lazy(() => chunk.ensure().then((component) => ({ default: component })));
  function Page(props: { param: string | null }): React.JSX.Element {
    const loaded = chunk.loaded();
    return loaded === undefined ? <Suspending {...props} /> : createElement(loaded, props);
  }
  return { component: Page, preload: () => chunk.ensure().then(() => undefined) };
}
