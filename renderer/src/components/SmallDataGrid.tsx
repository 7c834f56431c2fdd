import { DataGrid, type GridColDef, type GridValidRowModel } from '@mui/x-data-grid';

/** The free DataGrid pages rows, 100 at most per page; a footer shows only when there is more than one page. */
const PAGE_LIMIT = 100;

/** Props of a short table: its accessible name, rows, columns and how a row is identified. */
export interface SmallDataGridProps<Row extends GridValidRowModel> {
  label: string;
  rows: readonly Row[];
  columns: GridColDef<Row>[];
  getRowId: (row: Row) => string;
}

/**
 * A table of the few rows a machine has (distros, images, volumes, networks): every row in the page at its own
 * height, no row selection on click, and the pager only past one page.
 */
export function SmallDataGrid<Row extends GridValidRowModel>({ label, rows, columns, getRowId }: SmallDataGridProps<Row>): React.JSX.Element {
  return (
    <DataGrid
      aria-label={label}
      rows={rows}
      columns={columns}
      getRowId={getRowId}
      autoHeight
      disableVirtualization
      disableRowSelectionOnClick
      hideFooter={rows.length <= PAGE_LIMIT}
    />
  );
}
