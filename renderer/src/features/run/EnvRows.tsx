import { memo } from 'react';
import TextField from '@mui/material/TextField';
import type { RunProblem } from '../../../../shared/model/run-container';
import { nextRowKey, problemOn, type EnvRow } from './run-form';
import { RowList } from './RowList';

/** Props of the environment editor. */
export interface EnvRowsProps {
  rows: readonly EnvRow[];
  disabled: boolean;
  /** The form's problems; each row shows its own (`env.<row>`). */
  problems: readonly RunProblem[];
  onChange: (rows: EnvRow[]) => void;
}

/** The `-e KEY=value` rows, one text field each ("Variable 1"), with add and remove. */
function Rows({ rows, disabled, problems, onChange }: EnvRowsProps): React.JSX.Element {
  return (
    <RowList
      rows={rows}
      noun="variable"
      idPrefix="run-env"
      emptyText="No variables: the image’s own environment."
      disabled={disabled}
      problemOf={(index) => problemOn(problems, `env.${index}`)}
      onAdd={() => onChange([...rows, { key: nextRowKey(rows), text: '' }])}
      onRemove={(key) => onChange(rows.filter((row) => row.key !== key))}
      renderRow={(row, index, { describedBy, error }) => (
        <TextField
          size="small"
          label="KEY=value"
          value={row.text}
          onChange={(event) => onChange(rows.map((other) => (other.key === row.key ? { ...other, text: event.target.value } : other)))}
          error={error}
          disabled={disabled}
          sx={{ flex: '1 1 240px' }}
          slotProps={{ htmlInput: { 'aria-label': `Variable ${index + 1}`, 'aria-describedby': describedBy, spellCheck: false } }}
        />
      )}
    />
  );
}

/** The environment rows, drawn again only when its rows or the problems change. */
export const EnvRows = memo(Rows);
