import { startTransition, useEffect, useMemo, useState } from 'react';
import Button from '@mui/material/Button';
import TableSortLabel from '@mui/material/TableSortLabel';
import useMediaQuery from '@mui/material/useMediaQuery';
import { whenIdle } from './when-idle';
import { SMALL_TABLE_CLASS, SMALL_TABLE_SCROLL_CLASS, SmallTableStyles } from './small-table-style';

/** Windows narrower than this (px) leave out the columns a table names in `hideWhenNarrow`. */
export const NARROW_WINDOW_WIDTH = 1100;

/** Rows rendered at first, and added by each "Show more": a machine with a thousand images still paints its table at once. */
export const SMALL_TABLE_PAGE = 100;

/** The least height of a row, in px: one line of text (24), its cell padding (6 above, 6 below) and a border. */
const ROW_MIN_HEIGHT_PX = 37;
/** The least distance from the window's top to a table's first row, in px: the app bar, the page's padding, its heading and the header row. */
const TABLE_TOP_MIN_PX = 160;

/**
 * Rows the first frame of a table renders in a window `windowHeight` px tall: every row that window could show
 * (at least ten). The rest of the first `SMALL_TABLE_PAGE` follow as soon as that frame is on screen, so opening a
 * page of a thousand rows paints without waiting for a hundred, or for rows below the window.
 */
export function firstFrameRows(windowHeight: number): number {
  return Math.max(10, Math.ceil((windowHeight - TABLE_TOP_MIN_PX) / ROW_MIN_HEIGHT_PX));
}

/** The longest the rows below the first frame wait for the browser to be idle, in ms. */
const REST_OF_PAGE_WAIT_MS = 300;

/**
 * False until the first render's frame has been painted and the browser has been idle once since (or
 * REST_OF_PAGE_WAIT_MS went by), true at once when there is nothing to hold back: the rows below the first screen then
 * come in without delaying that frame or the next.
 */
function usePaintedOnce(holdingBack: boolean): boolean {
  const [painted, setPainted] = useState(!holdingBack);
  useEffect(() => {
    if (painted) return undefined;
    let cancelIdle: (() => void) | undefined;
    const frame = requestAnimationFrame(() => {
      cancelIdle = whenIdle(() => startTransition(() => setPainted(true)), REST_OF_PAGE_WAIT_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelIdle?.();
    };
  }, [painted]);
  return painted;
}

/** What a column sorts by and, unless it formats or renders, shows. */
export type CellValue = string | number | boolean | null | undefined;

/** One column of a small table: its field (the key), header, size, alignment, value, how a cell shows it, and whether a header click sorts by it. */
export interface SmallTableColumn<Row> {
  field: string;
  headerName: string;
  /** A fixed width in px (padding included). */
  width?: number;
  /** No fixed width: the column takes a share of what the fixed ones leave, never below `minWidth` px. */
  minWidth?: number;
  /** 'right' for numbers (tabular figures). */
  align?: 'left' | 'right' | 'center';
  /** The cell's value, for sorting and the default text; `row[field]` without it. */
  value?: (row: Row) => CellValue;
  /** The cell's text from its value; `String(value)` without it. */
  format?: (value: CellValue, row: Row) => string;
  /** The cell's content; wins over `format`. */
  render?: (row: Row) => React.ReactNode;
  /** A header click sorts by this column (true unless false). */
  sortable?: boolean;
}

/** Props of a short table: its accessible name, rows, columns and how a row is identified. */
export interface SmallTableProps<Row> {
  label: string;
  rows: readonly Row[];
  columns: readonly SmallTableColumn<Row>[];
  getRowId: (row: Row) => string;
  /** Fields of the lower-priority columns to leave out on narrow windows, so a row's state, figures and actions stay in view. */
  hideWhenNarrow?: readonly string[];
}

type Direction = 'asc' | 'desc';

function valueOf<Row>(column: SmallTableColumn<Row>, row: Row): CellValue {
  return column.value ? column.value(row) : ((row as Record<string, unknown>)[column.field] as CellValue);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Orders two cell values: empty last, numbers and booleans by size, text in the reader's collation. */
function compareValues(a: CellValue, b: CellValue): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'string' || typeof b === 'string') return collator.compare(String(a), String(b));
  return Number(a) - Number(b);
}

function cellContent<Row>(column: SmallTableColumn<Row>, row: Row): React.ReactNode {
  if (column.render) return column.render(row);
  const value = valueOf(column, row);
  if (column.format) return column.format(value, row);
  return value === null || value === undefined ? '' : String(value);
}

/** A cell's class for its column's alignment: 'number' right-aligns with tabular figures. */
function alignClass(align: SmallTableColumn<unknown>['align']): string | undefined {
  if (align === 'right') return 'number';
  return align === 'center' ? 'center' : undefined;
}

/**
 * A table of the few rows a machine has (distros, images, volumes, networks), a plain role="table" named `label`:
 * rows at their content's height (the first `SMALL_TABLE_PAGE` in sort order, those the window can show in the
 * first frame (`firstFrameRows`), then a "Show more" button; the table's `aria-rowcount` counts them all), no row selection, a header click sorting by that column (ascending,
 * descending, then as given), and `hideWhenNarrow` columns left out on narrow windows; long text wraps rather than
 * pushing the table past the window's width. Rows and cells are plain elements styled once per theme
 * (`SmallTableStyles`), the look of MUI's small table without its per-cell cost.
 */
export function SmallTable<Row>({ label, rows, columns, getRowId, hideWhenNarrow = [] }: SmallTableProps<Row>): React.JSX.Element {
  const narrow = useMediaQuery(`(max-width:${NARROW_WINDOW_WIDTH - 0.05}px)`, { noSsr: true });
  const [sort, setSort] = useState<{ field: string; direction: Direction } | null>(null);
  const [limit, setLimit] = useState(SMALL_TABLE_PAGE);
  const [firstFrame] = useState(() => firstFrameRows(window.innerHeight));
  const painted = usePaintedOnce(rows.length > firstFrame);
  const shown = useMemo(() => (narrow ? columns.filter((column) => !hideWhenNarrow.includes(column.field)) : columns), [narrow, columns, hideWhenNarrow]);
  const sortColumn = sort === null ? undefined : shown.find((column) => column.field === sort.field);
  const sorted = useMemo(() => {
    if (sort === null || sortColumn === undefined) return rows;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compareValues(valueOf(sortColumn, a), valueOf(sortColumn, b)));
  }, [rows, sort, sortColumn]);

  const toggleSort = (field: string): void => {
    setSort((current) => {
      if (current?.field !== field) return { field, direction: 'asc' };
      return current.direction === 'asc' ? { field, direction: 'desc' } : null;
    });
  };

  const hidden = Math.max(0, sorted.length - limit);
  const rendered = painted ? limit : Math.min(limit, firstFrame);
  return (
    <>
      <SmallTableStyles />
      <div className={SMALL_TABLE_SCROLL_CLASS}>
        <table aria-label={label} aria-rowcount={rows.length + 1} className={SMALL_TABLE_CLASS}>
          <thead>
            <tr>
              {shown.map((column) => {
                const direction = sort !== null && sort.field === column.field ? sort.direction : undefined;
                return (
                  <th
                    key={column.field}
                    scope="col"
                    className={alignClass(column.align)}
                    aria-sort={direction === undefined ? undefined : direction === 'asc' ? 'ascending' : 'descending'}
                    style={{ width: column.width, minWidth: column.minWidth }}
                  >
                    {column.sortable === false ? (
                      column.headerName
                    ) : (
                      <TableSortLabel active={direction !== undefined} direction={direction ?? 'asc'} onClick={() => toggleSort(column.field)}>
                        {column.headerName}
                      </TableSortLabel>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {(sorted.length > rendered ? sorted.slice(0, rendered) : sorted).map((row) => {
              const id = getRowId(row);
              return (
                <tr key={id} data-id={id}>
                  {shown.map((column) => (
                    <td key={column.field} className={alignClass(column.align)}>
                      {cellContent(column, row)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {hidden > 0 && (
        <Button size="small" sx={{ alignSelf: 'flex-start', mt: 1 }} onClick={() => setLimit((n) => n + SMALL_TABLE_PAGE)}>
          Show {Math.min(hidden, SMALL_TABLE_PAGE)} more of {label.toLowerCase()} ({hidden} not shown)
        </Button>
      )}
    </>
  );
}
