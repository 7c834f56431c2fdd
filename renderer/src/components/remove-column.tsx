import IconButton from '@mui/material/IconButton';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { LazyTooltip } from './LazyTooltip';
import type { SmallTableColumn } from './SmallTable';

/** An Actions column with one Remove button per row, named "Remove <name>", disabled while `busy`. */
export function removeColumn<Row>(nameOf: (row: Row) => string, busy: boolean, onRemove: (row: Row) => void): SmallTableColumn<Row> {
  return {
    field: 'actions',
    headerName: 'Actions',
    width: 90,
    sortable: false,
    render: (row) => (
      <LazyTooltip title="Remove">
        <span>
          <IconButton size="small" aria-label={`Remove ${nameOf(row)}`} disabled={busy} onClick={() => onRemove(row)}>
            <DeleteOutlined fontSize="small" />
          </IconButton>
        </span>
      </LazyTooltip>
    ),
  };
}
