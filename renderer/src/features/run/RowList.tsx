import type { ReactNode } from 'react';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RunProblem } from '../../../../shared/model/run-container';

/** How a row's fields show its problem: the id of the problem's text (for aria-describedby) and whether it is an error. */
export interface RowProblemState {
  describedBy: string | undefined;
  error: boolean;
}

/** Props of a list of editable rows: what a row is called, its fields, its problem, and add/remove. */
export interface RowListProps<Row extends { key: number }> {
  rows: readonly Row[];
  /** What one row is ("variable", "port", "volume"), for the buttons' names: "Add variable", "Remove port 2". */
  noun: string;
  /** The words shown when there is no row. */
  emptyText: string;
  disabled: boolean;
  /** The problem of row `index`, shown under it (in red when it blocks the run, else as a note). */
  problemOf: (index: number) => RunProblem | undefined;
  /** The fields of one row, told how to show its problem. */
  renderRow: (row: Row, index: number, problem: RowProblemState) => ReactNode;
  onAdd: () => void;
  onRemove: (key: number) => void;
  /** Id prefix of the problem texts (unique in the dialog). */
  idPrefix: string;
}

/**
 * Rows of fields with a named Remove button each ("Remove port 1") and an "Add …" button, each row's problem under
 * it (red when it blocks the run); fields wrap on a narrow window.
 */
export function RowList<Row extends { key: number }>({ rows, noun, emptyText, disabled, problemOf, renderRow, onAdd, onRemove, idPrefix }: RowListProps<Row>): React.JSX.Element {
  return (
    <Stack spacing={1}>
      {rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {emptyText}
        </Typography>
      )}
      {rows.map((row, index) => {
        const problem = problemOf(index);
        const problemId = problem === undefined ? undefined : `${idPrefix}-${row.key}-problem`;
        return (
          <Box key={row.key}>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1 }}>
              {renderRow(row, index, { describedBy: problemId, error: problem?.blocking ?? false })}
              <IconButton aria-label={`Remove ${noun} ${index + 1}`} onClick={() => onRemove(row.key)} disabled={disabled} sx={{ mt: 0.5 }}>
                <DeleteOutline />
              </IconButton>
            </Box>
            {problem !== undefined && (
              <FormHelperText error={problem.blocking} id={problemId}>
                {problem.blocking ? problem.message : `Note: ${problem.message}`}
              </FormHelperText>
            )}
          </Box>
        );
      })}
      <Box>
        <Button size="small" startIcon={<AddIcon />} onClick={onAdd} disabled={disabled}>
          {`Add ${noun}`}
        </Button>
      </Box>
    </Stack>
  );
}
