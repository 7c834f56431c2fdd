import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import CloudDownload from '@mui/icons-material/CloudDownload';
import Notes from '@mui/icons-material/Notes';
import RestartAlt from '@mui/icons-material/RestartAlt';
import type { ComposeAction, ComposeProject } from '../../../../shared/model/compose';
import { COMPOSE_ACTION_LABELS, COMPOSE_ACTIONS, composeActionName } from './compose-words';

const ICONS: Record<ComposeAction, React.JSX.Element> = {
  up: <ArrowUpward fontSize="small" />,
  down: <ArrowDownward fontSize="small" />,
  restart: <RestartAlt fontSize="small" />,
  pull: <CloudDownload fontSize="small" />,
  logs: <Notes fontSize="small" />,
};

/** Props of the open (or closing) menu: its id, the button it hangs from, the project, and what to run. */
export interface ProjectActionsMenuListProps {
  id: string;
  anchor: HTMLElement;
  open: boolean;
  onClose: () => void;
  name: string;
  project: ComposeProject | undefined;
  onAction: (project: string, action: ComposeAction) => void;
}

/** Whether an action cannot run now on this project. */
function blocked(action: ComposeAction, project: ComposeProject | undefined): boolean {
  if (project === undefined || !project.actionable) return true;
  return action !== 'up' && project.containers === 0;
}

/**
 * A Compose project's actions menu (its own chunk, loaded on the first open): Up, Down, Restart, Pull and Logs, each
 * named "<Action> <name>", disabled (with the host's reason shown in the menu) when the project cannot be acted on.
 */
export function ProjectActionsMenuList({ id, anchor, open, onClose, name, project, onAction }: ProjectActionsMenuListProps): React.JSX.Element {
  const reason = project === undefined ? 'Lightdock has not read this project yet.' : project.reason;
  return (
    <Menu id={id} anchorEl={anchor} open={open} onClose={onClose}>
      {COMPOSE_ACTIONS.map((action) => (
        <MenuItem
          key={action}
          aria-label={composeActionName(action, name)}
          disabled={blocked(action, project)}
          onClick={() => {
            onClose();
            onAction(name, action);
          }}
        >
          <ListItemIcon>{ICONS[action]}</ListItemIcon>
          <ListItemText>{action === 'down' ? `${COMPOSE_ACTION_LABELS.down}…` : COMPOSE_ACTION_LABELS[action]}</ListItemText>
        </MenuItem>
      ))}
      {reason !== null && [
        <Divider key="divider" />,
        <Typography key="reason" component="li" role="note" variant="body2" color="text.secondary" sx={{ px: 2, py: 1, maxWidth: 340, whiteSpace: 'normal' }}>
          {reason}
        </Typography>,
      ]}
    </Menu>
  );
}
