import { useState } from 'react';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import CloudDownload from '@mui/icons-material/CloudDownload';
import MoreVert from '@mui/icons-material/MoreVert';
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

/** Props of a project's actions menu: the project as the host described it (undefined while loading) and what to run. */
export interface ProjectActionsMenuProps {
  name: string;
  project: ComposeProject | undefined;
  onAction: (project: string, action: ComposeAction) => void;
}

/** Why an action cannot run now on this project, or null. */
function blocked(action: ComposeAction, project: ComposeProject | undefined): boolean {
  if (project === undefined || !project.actionable) return true;
  return action !== 'up' && project.containers === 0;
}

/**
 * The "Project actions <name>" button of a Compose project's row and its menu: Up, Down, Restart, Pull and Logs,
 * each named "<Action> <name>", disabled (with the host's reason shown in the menu) when the project cannot be acted on.
 */
export function ProjectActionsMenu({ name, project, onAction }: ProjectActionsMenuProps): React.JSX.Element {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = `project-actions-${name}`;
  const reason = project === undefined ? 'Lightdock has not read this project yet.' : project.reason;
  return (
    <>
      <IconButton
        size="small"
        aria-label={`Project actions ${name}`}
        aria-haspopup="menu"
        aria-controls={anchor === null ? undefined : menuId}
        aria-expanded={anchor !== null}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <MoreVert fontSize="small" />
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {COMPOSE_ACTIONS.map((action) => (
          <MenuItem
            key={action}
            aria-label={composeActionName(action, name)}
            disabled={blocked(action, project)}
            onClick={() => {
              setAnchor(null);
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
    </>
  );
}
