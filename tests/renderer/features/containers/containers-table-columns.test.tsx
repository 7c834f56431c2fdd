import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, configure, screen, within } from '@testing-library/react';
import { ContainersPage } from '../../../../renderer/src/pages/ContainersPage';
import { renderWithHost } from '../../render-with-host';
import { pretendWindowWidth } from '../../window-width';

configure({ asyncUtilTimeout: 5000 });

let restore: (() => void) | undefined;
afterEach(() => {
  cleanup();
  restore?.();
  restore = undefined;
  delete window.lightdock;
});

async function renderAt(width: number): Promise<HTMLElement> {
  restore = pretendWindowWidth(width);
  renderWithHost(<ContainersPage />);
  return screen.findByRole('table', { name: 'Containers' });
}

function headers(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent ?? '');
}

/** How many columns each row spans (colSpan summed), which must equal the header's for the table to line up. */
function spans(table: HTMLElement): number[] {
  return [...table.querySelectorAll('tr')].map((row) => [...row.children].reduce((sum, cell) => sum + ((cell as HTMLTableCellElement).colSpan || 1), 0));
}

describe('the containers table at different window widths', { timeout: 20_000 }, () => {
  it('shows every column from 1200 px, with a port link named after its visible text outside parentheses', async () => {
    const table = await renderAt(1400);
    expect(headers(table)).toEqual(['', 'Name', 'Image', 'State', 'Ports', 'CPU', 'Memory', 'Actions']);
    expect(new Set(spans(table))).toEqual(new Set([8]));
    expect(table.querySelectorAll('col')).toHaveLength(8);
    const link = within(table).getByRole('link', { name: /127\.0\.0\.1:8080/ });
    const name = link.getAttribute('aria-label') ?? '';
    expect(name.replace(/\([^()]*\)/g, '')).toContain(link.textContent ?? '?');
  });

  it('drops Image between 1000 and 1200 px, and Image and Ports below, so state, figures and actions stay', async () => {
    const medium = await renderAt(1100);
    expect(headers(medium)).toEqual(['', 'Name', 'State', 'Ports', 'CPU', 'Memory', 'Actions']);
    expect(new Set(spans(medium))).toEqual(new Set([7]));
    cleanup();
    restore?.();
    const narrow = await renderAt(800);
    expect(headers(narrow)).toEqual(['', 'Name', 'State', 'CPU', 'Memory', 'Actions']);
    expect(new Set(spans(narrow))).toEqual(new Set([6]));
    expect(narrow.querySelectorAll('col')).toHaveLength(6);
    const row = within(narrow).getByRole('link', { name: 'Open shop-web-1' }).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByRole('button', { name: 'Stop shop-web-1' })).toBeTruthy();
    expect(within(row as HTMLElement).getByText('running')).toBeTruthy();
    expect(row?.querySelector('td[title]')?.getAttribute('title')).toBe('shop-web-1 (nginx:1.27-alpine)');
  });
});
