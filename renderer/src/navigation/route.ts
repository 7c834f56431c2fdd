/** Where the app is: a page id and an optional parameter (`#/distros/Ubuntu-24.04` → distros, Ubuntu-24.04). */
export interface Route {
  page: string;
  param: string | null;
}

/** Reads a route from a location hash; an empty or malformed hash is the given default page. */
export function parseHash(hash: string, defaultPage: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '');
  const [page, ...rest] = parts;
  if (page === undefined) return { page: defaultPage, param: null };
  try {
    return { page: decodeURIComponent(page), param: rest.length > 0 ? decodeURIComponent(rest.join('/')) : null };
  } catch {
    return { page: defaultPage, param: null };
  }
}

/** The hash link of a page (and parameter), for `href`s and `navigate`. */
export function hrefFor(page: string, param?: string | null): string {
  return `#/${encodeURIComponent(page)}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

/** Moves the app to a page; the hash keeps the page across reloads and works on app:// and the browser host alike. */
export function navigate(page: string, param?: string | null): void {
  window.location.hash = hrefFor(page, param);
}
