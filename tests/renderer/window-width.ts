/**
 * Makes `window.matchMedia` answer `min-width` / `max-width` queries (as MUI's useMediaQuery asks them) for a window
 * of `width` px; jsdom has no layout and no matchMedia. Returns the function that removes it again.
 */
export function pretendWindowWidth(width: number): () => void {
  const matches = (query: string): boolean =>
    [...query.matchAll(/\((min|max)-width:\s*([\d.]+)px\)/g)].every(([, kind, px]) => (kind === 'min' ? width >= Number(px) : width <= Number(px)));
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: matches(query),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  return () => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  };
}
