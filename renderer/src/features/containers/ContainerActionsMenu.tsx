import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { ContainerAction, ContainerRow } from '../../../../shared/model/container';
import { ACTION_WORDS, actionApplies } from './container-actions';

/** The actions a row's menu offers (Start and Stop have their own button). */
const MENU_ACTIONS: readonly ContainerAction[] = ['restart', 'pause', 'unpause', 'kill', 'remove'];

/** Props of a row's open menu: the button it hangs from, the row, and what to do. */
export interface ContainerActionsMenuProps {
  anchor: HTMLElement;
  row: ContainerRow;
  onClose: () => void;
  onAction: (action: ContainerAction) => void;
}

/**
 * A container row's menu named "Actions for web" (its own chunk, loaded on the first open): restart, pause, unpause,
 * kill and remove, those that do not apply to the container's state disabled.
 */
export function ContainerActionsMenu({ anchor, row, onClose, onAction }: ContainerActionsMenuProps): React.JSX.Element {
  return (
    <Menu anchorEl={anchor} open onClose={onClose} slotProps={{ list: { 'aria-label': `Actions for ${row.name}` } }}>
      {MENU_ACTIONS.map((action) => (
        <MenuItem
          key={action}
          disabled={!actionApplies(action, row.state)}
          onClick={() => {
            onClose();
            onAction(action);
          }}
          sx={action === 'remove' || action === 'kill' ? { color: 'error.main' } : undefined}
        >
          {action === 'remove' ? 'Remove…' : ACTION_WORDS[action].label}
        </MenuItem>
      ))}
    </Menu>
  );
}
