import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { RowIconButton } from './RowIconButton';
import type { SmallTableColumn } from './SmallTable';

/** An Actions column with one Remove button per row, named "Remove <name>", disabled while `busy`. */
export function removeColumn<Row>(nameOf: (row: Row) => string, busy: boolean, onRemove: (row: Row) => void): SmallTableColumn<Row> {
  return {
    field: 'actions',
    headerName: 'Actions',
    width: 90,
    sortable: false,
    render: (row) => (
      <RowIconButton label={`Remove ${nameOf(row)}`} title="Remove" disabled={busy} onClick={() => onRemove(row)}>
        <DeleteOutlined fontSize="small" />
      </RowIconButton>
    ),
  };
}
