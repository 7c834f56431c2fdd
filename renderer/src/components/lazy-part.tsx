import { lazy, Suspense, type ComponentType } from 'react';
import { trackPageLoad } from '../pages/page-loads';

/**
 * A component whose code loads in its own chunk the first time it mounts (a dialog, a menu, a popover: parts not on
 * screen until asked for), so the page that holds it paints without it. Until the code is there it renders nothing;
 * the load is tracked like a page's (`pageLoadsSettled`), and a failed load is tried again on the next mount.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => React.JSX.Element {
  const Part = lazy(() => trackPageLoad(load()).then((component) => ({ default: component })));
  return function LazyPart(props: P): React.JSX.Element {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  };
}
