import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { firstFrameRows, NARROW_WINDOW_WIDTH, SmallTable, type SmallTableColumn } from '../../../renderer/src/components/SmallTable';
import { pretendWindowWidth } from '../window-width';

interface Pet {
  name: string;
  kind: string;
  legs: number;
  owner: string | null;
}

const PETS: Pet[] = [
  { name: 'Rex', kind: 'dog', legs: 4, owner: 'Ann' },
  { name: 'tweety', kind: 'bird', legs: 2, owner: null },
  { name: 'Bob', kind: 'snake', legs: 0, owner: 'Cy' },
];

const COLUMNS: SmallTableColumn<Pet>[] = [
  { field: 'name', headerName: 'Name', minWidth: 120 },
  { field: 'kind', headerName: 'Kind', width: 100 },
  { field: 'legs', headerName: 'Legs', width: 80, align: 'right', format: (value) => `${String(value)} legs` },
  { field: 'owner', headerName: 'Owner', width: 100, format: (value) => String(value ?? '—') },
  { field: 'actions', headerName: 'Actions', width: 90, sortable: false, render: (pet) => <button type="button">{`Pat ${pet.name}`}</button> },
];

let restore: (() => void) | null = null;

afterEach(() => {
  cleanup();
  restore?.();
  restore = null;
});

function renderPets(width: number): HTMLElement {
  restore = pretendWindowWidth(width);
  render(<SmallTable label="Pets" rows={PETS} columns={COLUMNS} getRowId={(pet) => pet.name} hideWhenNarrow={['kind', 'owner']} />);
  return screen.getByRole('table', { name: 'Pets' });
}

/** The first cell's text of each body row, top to bottom. */
function names(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

describe('SmallTable', () => {
  it('is a named table with a header row and every row in the DOM, each cell formatted or rendered', () => {
    const table = renderPets(1400);
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Name', 'Kind', 'Legs', 'Owner', 'Actions']);
    expect(names(table)).toEqual(['Rex', 'tweety', 'Bob']);
    const tweety = within(table).getAllByRole('row')[2] as HTMLElement;
    expect(within(tweety).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['tweety', 'bird', '2 legs', '—', 'Pat tweety']);
    expect(tweety.getAttribute('data-id')).toBe('tweety');
    expect(table.getAttribute('aria-rowcount')).toBe('4');
  });

  it('sorts by a header click: ascending, descending, then as given; numbers by size, text without regard to case', () => {
    const table = renderPets(1400);
    const legs = within(table).getByRole('button', { name: 'Legs' });
    fireEvent.click(legs);
    expect(names(table)).toEqual(['Bob', 'tweety', 'Rex']);
    expect(within(table).getByRole('columnheader', { name: 'Legs' }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(legs);
    expect(names(table)).toEqual(['Rex', 'tweety', 'Bob']);
    expect(within(table).getByRole('columnheader', { name: 'Legs' }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(table).getByRole('button', { name: 'Name' }));
    expect(names(table)).toEqual(['Bob', 'Rex', 'tweety']);
    expect(within(table).getByRole('columnheader', { name: 'Legs' }).getAttribute('aria-sort')).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: 'Owner' }));
    expect(names(table)).toEqual(['Rex', 'Bob', 'tweety']);
    fireEvent.click(within(table).getByRole('button', { name: 'Owner' }));
    fireEvent.click(within(table).getByRole('button', { name: 'Owner' }));
    expect(names(table)).toEqual(['Rex', 'tweety', 'Bob']);
    expect(within(table).queryByRole('button', { name: 'Actions' })).toBeNull();
  });

  it(`leaves out the hideWhenNarrow columns below ${NARROW_WINDOW_WIDTH}px`, () => {
    const table = renderPets(NARROW_WINDOW_WIDTH - 1);
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Name', 'Legs', 'Actions']);
    expect(within(table).getByRole('button', { name: 'Pat Bob' })).toBeTruthy();
  });
});

describe('firstFrameRows', () => {
  it('counts the rows a window of that height can show below the page heading, at least ten', () => {
    expect(firstFrameRows(1000)).toBe(23);
    expect(firstFrameRows(560)).toBe(11);
    expect(firstFrameRows(300)).toBe(10);
    expect(firstFrameRows(2160)).toBe(55);
  });
});

describe('SmallTable with many rows', () => {
  it('renders the rows the window can show first and the first hundred after it, counts them all, and shows the rest a hundred at a time', async () => {
    const many: Pet[] = Array.from({ length: 250 }, (_, i) => ({ name: `pet-${String(i).padStart(3, '0')}`, kind: 'cat', legs: 4, owner: null }));
    render(<SmallTable label="Pets" rows={many} columns={COLUMNS} getRowId={(pet) => pet.name} />);
    const table = screen.getByRole('table', { name: 'Pets' });
    expect(table.getAttribute('aria-rowcount')).toBe('251');
    expect(within(table).getAllByRole('row')).toHaveLength(firstFrameRows(window.innerHeight) + 1);
    expect(screen.getByRole('button', { name: 'Show 100 more of pets (150 not shown)' })).toBeTruthy();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(101));
    fireEvent.click(screen.getByRole('button', { name: 'Show 100 more of pets (150 not shown)' }));
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more of pets (50 not shown)' }));
    expect(within(table).getAllByRole('row')).toHaveLength(251);
    expect(screen.queryByRole('button', { name: /more of pets/ })).toBeNull();
  });
});
