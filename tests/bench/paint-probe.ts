import type { Page } from 'playwright';

/** What the in-page probe holds: the table it waits for, when it was armed, and when its rows were painted. */
export interface PaintProbe {
  label: string;
  expected: number;
  armedAt: number;
  shownAt: number | null;
  paintedAt: number | null;
  domRows: number;
  rowCount: number;
}

/**
 * In the page (an init script, from document start): watches the DOM for the table named `label` (the Containers
 * table or a data grid: an element with that aria-label and an aria-rowcount) and stamps, in ms since navigation
 * start, the first moment it has a row in the DOM and knows at least `expected` rows, then the frame after it was
 * painted (two animation frames later). `label` null waits for nothing until `switchAndArm` names a table; with
 * `blank` it stamps the blank page: two frames after DOMContentLoaded. The painted stamp settles a promise
 * (`__ldbPaintWait`) that `readPaintProbe` awaits, so nothing polls the page while it is measured.
 */
export function installPaintProbe(target: { label: string | null; expected: number; blank?: boolean }): void {
  const probe = { label: target.label ?? '', expected: target.expected, armedAt: 0, shownAt: null as number | null, paintedAt: null as number | null, domRows: 0, rowCount: 0 };
  const slot = window as unknown as { __ldbPaint: typeof probe; __ldbPaintWait: Promise<void>; __ldbPaintArm: () => void };
  slot.__ldbPaint = probe;
  let settle: () => void = () => undefined;
  slot.__ldbPaintArm = () => {
    slot.__ldbPaintWait = new Promise((resolve) => (settle = resolve));
  };
  slot.__ldbPaintArm();
  const painted = (): void => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        probe.paintedAt = performance.now();
        settle();
      }),
    );
  };
  if (target.blank === true) {
    document.addEventListener('DOMContentLoaded', () => {
      probe.shownAt = performance.now();
      painted();
    });
    return;
  }
  const check = (): void => {
    if (probe.shownAt !== null || probe.label === '') return;
    const table = document.querySelector(`[aria-label="${probe.label}"][aria-rowcount]`);
    if (!table) return;
    const rowCount = Number(table.getAttribute('aria-rowcount') ?? 0) - 1;
    const domRows = table.querySelectorAll('[data-id]').length;
    if (domRows === 0 || rowCount < probe.expected) return;
    probe.shownAt = performance.now();
    probe.domRows = domRows;
    probe.rowCount = rowCount;
    painted();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Waits (up to 30 s, without polling the page) for the probe's painted stamp and returns it. */
export async function readPaintProbe(page: Page): Promise<PaintProbe & { paintedAt: number }> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the rows were not painted within 30 s')), 30_000);
        void (window as unknown as { __ldbPaintWait: Promise<void> }).__ldbPaintWait.then(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  );
  return page.evaluate(() => (window as unknown as { __ldbPaint: PaintProbe & { paintedAt: number } }).__ldbPaint);
}

/** Arms the probe for the table named `label` with at least `expected` rows and, in the same task, turns the hash to `hash`. */
export async function switchAndArm(page: Page, hash: string, label: string, expected: number): Promise<void> {
  await page.evaluate(
    ([nextHash, nextLabel, nextExpected]) => {
      const slot = window as unknown as { __ldbPaint: PaintProbe; __ldbPaintArm: () => void };
      const probe = slot.__ldbPaint;
      slot.__ldbPaintArm();
      Object.assign(probe, { label: nextLabel, expected: nextExpected, shownAt: null, paintedAt: null, domRows: 0, rowCount: 0, armedAt: performance.now() });
      window.location.hash = nextHash;
    },
    [hash, label, expected] as const,
  );
}
