import { memo } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import type { RunProblem } from '../../../../shared/model/run-container';
import { nextRowKey, problemOn, type MountRow } from './run-form';
import { RowList } from './RowList';

/** Props of the volumes and bind mounts editor. */
export interface MountRowsProps {
  rows: readonly MountRow[];
  disabled: boolean;
  /** The form's problems; each row shows its own (`mounts.<row>`). */
  problems: readonly RunProblem[];
  onChange: (rows: MountRow[]) => void;
}

/**
 * The `-v` rows: a volume name (created when missing) or an absolute host path (a bind mount), the absolute path
 * inside the container, and read-only; fields named with their row number ("Source 1").
 */
function Rows({ rows, disabled, problems, onChange }: MountRowsProps): React.JSX.Element {
  const change = (key: number, patch: Partial<MountRow>): void => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <RowList
      rows={rows}
      noun="volume"
      idPrefix="run-mount"
      emptyText="No volumes or bind mounts: its files live only in its writable layer."
      disabled={disabled}
      problemOf={(index) => problemOn(problems, `mounts.${index}`)}
      onAdd={() => onChange([...rows, { key: nextRowKey(rows), source: '', target: '', readOnly: false }])}
      onRemove={(key) => onChange(rows.filter((row) => row.key !== key))}
      renderRow={(row, index, { describedBy, error }) => (
        <>
          <TextField
            size="small"
            label="Volume or host path"
            value={row.source}
            onChange={(event) => change(row.key, { source: event.target.value })}
            error={error}
            disabled={disabled}
            sx={{ flex: '1 1 180px' }}
            slotProps={{ htmlInput: { 'aria-label': `Source ${index + 1}`, 'aria-describedby': describedBy, spellCheck: false } }}
          />
          <TextField
            size="small"
            label="Path in the container"
            value={row.target}
            onChange={(event) => change(row.key, { target: event.target.value })}
            error={error}
            disabled={disabled}
            sx={{ flex: '1 1 160px' }}
            slotProps={{ htmlInput: { 'aria-label': `Target ${index + 1}`, 'aria-describedby': describedBy, spellCheck: false } }}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={row.readOnly}
                onChange={(event) => change(row.key, { readOnly: event.target.checked })}
                disabled={disabled}
                slotProps={{ input: { 'aria-label': `Read-only ${index + 1}` } }}
              />
            }
            label="Read-only"
          />
        </>
      )}
    />
  );
}

/** The volume and bind-mount rows, drawn again only when its rows or the problems change. */
export const MountRows = memo(Rows);
