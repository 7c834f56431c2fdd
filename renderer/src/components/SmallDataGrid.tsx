import { useMemo } from 'react';
import useMediaQuery from '@mui/material/useMediaQuery';
import { DataGrid, type GridColDef, type GridColumnVisibilityModel, type GridValidRowModel } from '@mui/x-data-grid';

/** The free DataGrid pages rows, 100 at most per page; a footer shows only when there is more than one page. */
const PAGE_LIMIT = 100;

/** Windows narrower than this (px) leave out the columns a table names in `hideWhenNarrow`. */
export const NARROW_WINDOW_WIDTH = 1100;

/** Props of a short table: its accessible name, rows, columns and how a row is identified. */
export interface SmallDataGridProps<Row extends GridValidRowModel> {
  label: string;
  rows: readonly Row[];
  columns: GridColDef<Row>[];
  getRowId: (row: Row) => string;
  /** Fields of the lower-priority columns to leave out on narrow windows, so a row's state, figures and actions stay in view. */
  hideWhenNarrow?: readonly string[];
}

/**
 * A table of the few rows a machine has (distros, images, volumes, networks): every row in the page at its own
 * height, no row selection on click, the pager only past one page, and `hideWhenNarrow` columns left out on narrow
 * windows.
 */
export function SmallDataGrid<Row extends GridValidRowModel>({ label, rows, columns, getRowId, hideWhenNarrow = [] }: SmallDataGridProps<Row>): React.JSX.Element {
  const narrow = useMediaQuery(`(max-width:${NARROW_WINDOW_WIDTH - 0.05}px)`, { noSsr: true });
  const hiddenKey = narrow ? hideWhenNarrow.join('\n') : '';
  const columnVisibilityModel = useMemo<GridColumnVisibilityModel>(
    () => Object.fromEntries(hiddenKey === '' ? [] : hiddenKey.split('\n').map((field) => [field, false])),
    [hiddenKey],
  );
  return (
    <DataGrid
      aria-label={label}
      rows={rows}
      columns={columns}
      getRowId={getRowId}
      columnVisibilityModel={columnVisibilityModel}
      autoHeight
      disableVirtualization
      disableRowSelectionOnClick
      hideFooter={rows.length <= PAGE_LIMIT}
    />
  );
}
