import { useSyncExternalStore } from 'react';
import { parseHash, type Route } from './route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(defaultPage: string): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash, defaultPage);
}
