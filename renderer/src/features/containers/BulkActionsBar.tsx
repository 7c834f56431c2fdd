import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ContainerAction, ContainerRow } from '../../../../shared/model/container';
import { ACTIONS, ACTION_WORDS, actionApplies } from './container-actions';

/** Props of the bulk toolbar: the selected containers, whether an action runs on them, and what a button does. */
export interface BulkActionsBarProps {
  selected: readonly ContainerRow[];
  busy: boolean;
  onAction: (action: ContainerAction) => void;
}

/**
 * A toolbar named "Bulk actions": a hint while nothing is selected; once something is, one button per action
 * ("Stop selected", …), each enabled when it applies to at least one selected container and nothing runs, and a
 * labelled spinner while an action runs on the selection.
 */
export function BulkActionsBar({ selected, busy, onAction }: BulkActionsBarProps): React.JSX.Element {
  return (
    <Box
      role="toolbar"
      aria-label="Bulk actions"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, minHeight: 40 }}
    >
      <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }} aria-live="polite">
        {selected.length === 0 ? 'Select containers to act on several at once.' : `${selected.length} selected`}
      </Typography>
      {selected.length > 0 && ACTIONS.map((action) => {
        const count = selected.filter((container) => actionApplies(action, container.state)).length;
        return (
          <Button
            key={action}
            size="small"
            variant="outlined"
            color={action === 'remove' || action === 'kill' ? 'error' : 'primary'}
            disabled={busy || count === 0}
            aria-label={`${ACTION_WORDS[action].label} selected`}
            onClick={() => onAction(action)}
          >
            {ACTION_WORDS[action].label}
            {count > 0 && ` (${count})`}
          </Button>
        );
      })}
      {busy && <CircularProgress size={18} aria-label="Working on the selected containers…" />}
    </Box>
  );
}
