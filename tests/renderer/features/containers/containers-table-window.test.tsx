import { Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import type { ContainerSummary } from '../../../../shared/model/container';
import { ContainersTable } from '../../../../renderer/src/features/containers/ContainersTable';
import { ROW_HEIGHT } from '../../../../renderer/src/features/containers/containers-table-style';
import { SEEDED_CONTAINERS } from '../../fake-engine';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const template = SEEDED_CONTAINERS.find((container) => container.name === 'redis');
if (template === undefined) throw new Error('no seeded redis');
/** 100 containers outside any project, named c000..c099, so the grouped order is the name order. */
const CONTAINERS: ContainerSummary[] = Array.from({ length: 100 }, (_, index) => ({
  ...template,
  id: `${index}`.padStart(64, 'a'),
  name: `c${String(index).padStart(3, '0')}`,
  composeProject: null,
}));

/** What jsdom cannot lay out: the scroll element's visible height and scroll position, as a test sets them. */
const layout = { clientHeight: 440, scrollTop: 0 };

/**
 * Lays out the scroll element as `layout` says. The window is tall enough for the table to be exactly that tall (its
 * CSS height is the window's less 300 px, 360 px at least, and its first render assumes as much) unless
 * `windowHeight` is given.
 */
function pretendLayout(windowHeight = layout.clientHeight + 300): void {
  vi.stubGlobal('innerHeight', windowHeight);
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(() => layout.clientHeight);
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(() => layout.scrollTop);
}

function renderTable(onShownIdsChange: (ids: string[]) => void, onCommit: () => void = () => undefined): HTMLElement {
  render(
    <Profiler id="table" onRender={onCommit}>
        <ContainersTable
        containers={CONTAINERS}
        stats={new Map()}
        pending={new Map()}
        selection={new Set()}
        onSelectionChange={() => undefined}
        onShownIdsChange={onShownIdsChange}
        onAction={() => undefined}
      />
    </Profiler>,
  );
  return screen.getByRole('table', { name: 'Containers' });
}

function shownNames(table: HTMLElement): string[] {
  return within(table)
    .queryAllByRole('link', { name: /^Open c/ })
    .map((link) => link.textContent ?? '');
}

function names(first: number, last: number): string[] {
  return CONTAINERS.slice(first, last + 1).map((container) => container.name);
}

/** The heights of the spacer rows above and below the rendered rows. */
function spacers(table: HTMLElement): number[] {
  return [...table.querySelectorAll<HTMLElement>('tbody > tr[aria-hidden]')].map((row) => Number.parseFloat(row.style.height));
}

describe('the containers table renders only the rows in view', { timeout: 20_000 }, () => {
  it('renders the rows in its measured height plus three, keeps the full height in spacers, and follows the scroll', async () => {
    layout.clientHeight = 440;
    layout.scrollTop = 0;
    pretendLayout();
    const shownIds = vi.fn<(ids: string[]) => void>();
    const table = renderTable(shownIds);
    expect(table.getAttribute('aria-rowcount')).toBe('101');
    // 440 px hold 10 rows: rows 0..12 (three below), and a spacer for the 87 rows after them.
    expect(shownNames(table)).toEqual(names(0, 12));
    expect(spacers(table)).toEqual([87 * ROW_HEIGHT]);
    expect(shownIds).toHaveBeenLastCalledWith(CONTAINERS.slice(0, 13).map((container) => container.id));

    layout.scrollTop = 50 * ROW_HEIGHT;
    act(() => {
      table.parentElement?.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(shownNames(table)).toEqual(names(47, 62)));
    expect(spacers(table)).toEqual([47 * ROW_HEIGHT, 37 * ROW_HEIGHT]);
    expect(shownIds).toHaveBeenLastCalledWith(CONTAINERS.slice(47, 63).map((container) => container.id));
  });

  it('does not render again for a scroll that shows the same rows', async () => {
    // 430 px scrolled by 0 or by 10 px meet rows 0..9 either way.
    layout.clientHeight = 430;
    layout.scrollTop = 0;
    pretendLayout();
    const commits = vi.fn();
    const table = renderTable(() => undefined, commits);
    const firstRow = within(table).getByRole('link', { name: 'Open c000' });
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    commits.mockClear();
    layout.scrollTop = 10;
    act(() => {
      table.parentElement?.dispatchEvent(new Event('scroll'));
    });
    // One frame later the scroll was measured, and nothing rendered again: the same rows, the same elements.
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    expect(commits).not.toHaveBeenCalled();
    expect(shownNames(table)).toEqual(names(0, 12));
    expect(within(table).getByRole('link', { name: 'Open c000' })).toBe(firstRow);

    // A scroll within the three rows rendered below the view renders nothing either.
    layout.scrollTop = 2 * ROW_HEIGHT;
    act(() => {
      table.parentElement?.dispatchEvent(new Event('scroll'));
    });
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    expect(commits).not.toHaveBeenCalled();

    // A scroll that brings a row not rendered yet into view renders again: rows 4..13 in view, three each side.
    layout.scrollTop = 4 * ROW_HEIGHT;
    act(() => {
      table.parentElement?.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(shownNames(table)).toEqual(names(1, 16)));
    expect(commits).toHaveBeenCalled();
  });

  it('renders once when the table height it assumed first holds the measured view', async () => {
    layout.clientHeight = 440;
    layout.scrollTop = 0;
    pretendLayout(12 * ROW_HEIGHT + 300);
    const commits = vi.fn();
    const table = renderTable(() => undefined, commits);
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    // 12 rows assumed in view and three below: rows 0..14, kept after measuring 440 px (10 rows).
    expect(shownNames(table)).toEqual(names(0, 14));
    expect(commits).toHaveBeenCalledTimes(1);
  });

  it('measures again when the scroll element is resized', async () => {
    const observers: ResizeObserverCallback[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          observers.push(callback);
        }
        observe(): void {}
        disconnect(): void {}
      },
    );
    layout.clientHeight = 440;
    layout.scrollTop = 0;
    pretendLayout();
    const table = renderTable(() => undefined);
    expect(shownNames(table)).toEqual(names(0, 12));
    expect(observers).toHaveLength(1);
    layout.clientHeight = 880;
    act(() => observers[0]?.([], {} as ResizeObserver));
    await waitFor(() => expect(shownNames(table)).toEqual(names(0, 22)));
  });
});
