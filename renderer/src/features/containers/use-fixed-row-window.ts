import { useEffect, useRef, useState, type RefObject } from 'react';

/** A row to render: its index and its top and bottom edges in px from the top of the scrolled content. */
export interface RowWindowItem {
  index: number;
  start: number;
  end: number;
}

/** The rows to render and the height of all rows together. */
export interface RowWindow {
  items: RowWindowItem[];
  totalSize: number;
}

/** Where the scroll element stands: how far it is scrolled and how tall its visible part is, in px. */
export interface ScrollViewport {
  scrollTop: number;
  height: number;
}

/** Rows rendered beyond each edge of the view, so a short scroll shows rows already there. */
const OVERSCAN = 3;

/**
 * The first and last index (inclusive) of the rows of `rowHeight` px that meet the viewport, widened by `overscan`
 * rows each side and kept within the `count` rows; null when there are none. A scroll position past the end (the list
 * just shrank) counts as the end, as the browser is about to put it there.
 */
export function fixedRowRange(count: number, rowHeight: number, viewport: ScrollViewport, overscan = OVERSCAN): { first: number; last: number } | null {
  if (count <= 0) return null;
  const height = Math.max(0, viewport.height);
  const scrollTop = Math.min(Math.max(0, viewport.scrollTop), Math.max(0, count * rowHeight - height));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.max(first, Math.ceil((scrollTop + height) / rowHeight) - 1 + overscan));
  return { first, last };
}

/**
 * Whether the rows rendered for `rendered` (with `overscan`) include every row `next` shows, so moving to `next` needs
 * no render: the first measure (the window's height was assumed) and short scrolls within the overscan render nothing.
 */
export function rowsCovered(count: number, rowHeight: number, rendered: ScrollViewport, next: ScrollViewport, overscan = OVERSCAN): boolean {
  const have = fixedRowRange(count, rowHeight, rendered, overscan);
  const need = fixedRowRange(count, rowHeight, next, 0);
  if (need === null) return true;
  return have !== null && have.first <= need.first && have.last >= need.last;
}

/** What useFixedRowWindow windows: how many rows of which height, in which scroll element; `enabled: false` renders them all. */
export interface FixedRowWindowOptions {
  count: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
  enabled?: boolean;
  overscan?: number;
  /** The scroll element's height before it is measured, in px (the window's height without it). */
  initialHeight?: () => number;
}

/**
 * Virtualizes a list of fixed-height rows in a scroll element: the rows in view (plus `overscan` each side) and the
 * full height. The first render assumes the element is scrolled to the top and `initialHeight` tall (the window's
 * height without it; no layout read before the first paint); after it, the element is measured, then again on each scroll (a passive listener, at most
 * once per animation frame) and resize (ResizeObserver, where there is one). It renders again only when a row comes into
 * view that is not rendered yet. Disabled, every row is an item.
 */
export function useFixedRowWindow({ count, rowHeight, scrollRef, enabled = true, overscan = OVERSCAN, initialHeight }: FixedRowWindowOptions): RowWindow {
  const [viewport, setViewport] = useState<ScrollViewport>(() => ({ scrollTop: 0, height: initialHeight?.() ?? window.innerHeight }));
  // The viewport last rendered and the row count, so a measure whose rows are already rendered sets no state.
  const rendered = useRef(viewport);
  const counted = useRef(count);
  counted.current = count;

  useEffect(() => {
    const element = scrollRef.current;
    if (!enabled || element === null) return undefined;
    let frame: number | null = null;
    const measure = (): void => {
      frame = null;
      const next = { scrollTop: element.scrollTop, height: element.clientHeight };
      if (rowsCovered(counted.current, rowHeight, rendered.current, next, overscan)) return;
      rendered.current = next;
      setViewport(next);
    };
    const schedule = (): void => {
      frame ??= requestAnimationFrame(measure);
    };
    measure();
    element.addEventListener('scroll', schedule, { passive: true });
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resizes?.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      resizes?.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [enabled, scrollRef, rowHeight, overscan]);

  const totalSize = count * rowHeight;
  const range = enabled ? fixedRowRange(count, rowHeight, viewport, overscan) : count > 0 ? { first: 0, last: count - 1 } : null;
  const items: RowWindowItem[] = [];
  if (range !== null) {
    for (let index = range.first; index <= range.last; index += 1) items.push({ index, start: index * rowHeight, end: (index + 1) * rowHeight });
  }
  return { items, totalSize };
}
