import { createElement } from 'react';
import { LoadingRows } from '../components/LoadingRows';
import { RetryAlert } from '../components/RetryAlert';
import { useChunk } from '../components/lazy-part';
import { chunkLoader } from './page-loads';

/** A page component: it takes the route parameter. */
export type PageComponent = (props: { param: string | null }) => React.JSX.Element;

/** A page whose code loads on first use (or on `preload`), in its own chunk. */
export interface LazyPage {
  component: PageComponent;
  /** Loads the page's code ahead of need; resolves once it can render at once. */
  preload: () => Promise<void>;
}

/**
 * Splits a page into its own chunk. Until its code has loaded the page shows its loading rows, and a failed load an
 * error whose Retry reloads the app (`reload`): Chromium keeps a failed module import failed for the document's
 * life, so importing again in place cannot succeed. Once loaded, by a visit or by `preload`, it renders synchronously, so a preloaded page opens
 * without a loading frame. It does not suspend: React holds back a Suspense boundary's content for 300 ms after its
 * fallback showed, which delayed the first page of a cold load by that much once its code arrived.
 */
export function lazyPage(load: () => Promise<PageComponent>, reload: () => void = () => window.location.reload()): LazyPage {
  const chunk = chunkLoader(load);
  function Page(props: { param: string | null }): React.JSX.Element {
    const { value: loaded, failed } = useChunk(chunk);
    if (loaded !== undefined) return createElement(loaded, props);
    if (failed) return <RetryAlert onRetry={reload}>This page’s code could not be loaded; Retry reloads Lightdock.</RetryAlert>;
    return <LoadingRows what="the page" />;
  }
  return { component: Page, preload: () => chunk.ensure().then(() => undefined) };
}
