import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import type { ContainerAction, ContainerState } from '../../../../shared/model/container';
import { ACTIONS, ACTION_WORDS, actionApplies } from '../containers/container-actions';

/** Props of one container's action toolbar. */
export interface ContainerActionsBarProps {
  name: string;
  state: ContainerState;
  running: ContainerAction | undefined;
  onAction: (action: ContainerAction) => void;
}

/**
 * A toolbar named "Container actions" with Start, Stop, Restart, Pause, Unpause, Kill and Remove, each enabled only
 * when it applies to the state and nothing runs; a labelled spinner shows the running action.
 */
export function ContainerActionsBar({ name, state, running, onAction }: ContainerActionsBarProps): React.JSX.Element {
  return (
    <Box role="toolbar" aria-label="Container actions" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      {ACTIONS.map((action) => (
        <Button
          key={action}
          size="small"
          variant={action === 'remove' ? 'outlined' : 'text'}
          color={action === 'remove' || action === 'kill' ? 'error' : 'primary'}
          disabled={running !== undefined || !actionApplies(action, state)}
          onClick={() => onAction(action)}
        >
          {ACTION_WORDS[action].label}
        </Button>
      ))}
      {running !== undefined && <CircularProgress size={18} aria-label={`${ACTION_WORDS[running].running} ${name}…`} />}
    </Box>
  );
}
