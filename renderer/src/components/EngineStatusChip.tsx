import { useState } from 'react';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import Check from '@mui/icons-material/Check';
import CheckCircleOutlineOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import type { EngineStatus } from '../../../shared/model/engine';
import { useDockerContexts } from '../features/engine/useDockerContexts';
import { useEngineStatus } from '../features/engine/useEngineStatus';
import { describeIpcError } from '../ipc/ipc-error';
import { navigate } from '../navigation/route';

/** The chip's words: "Docker: connected", or "Engine: simulated" (with the state when it is not connected). */
export function engineChipLabel(status: EngineStatus): string {
  if (status.kind === 'simulated') return status.state === 'connected' ? 'Engine: simulated' : `Engine: simulated (${status.state})`;
  return `Docker: ${status.state}`;
}

function tooltipText(status: EngineStatus): string {
  const parts = [status.kind === 'simulated' ? 'The container engine is simulated: no real Docker engine is used.' : `Docker engine at ${status.endpoint}.`];
  if (status.context !== null) parts.push(`Context: ${status.context}.`);
  if (status.serverVersion !== null) parts.push(`Version ${status.serverVersion}${status.apiVersion === null ? '' : ` (API ${status.apiVersion})`}.`);
  if (status.message !== null) parts.push(status.message);
  return parts.join(' ');
}

function chipColor(status: EngineStatus): ChipProps['color'] {
  if (status.state === 'unreachable') return 'error';
  if (status.state === 'reconnecting') return 'warning';
  return status.kind === 'simulated' ? 'warning' : 'success';
}

function chipIcon(status: EngineStatus): React.ReactElement {
  if (status.state === 'reconnecting') return <CircularProgress size={14} color="inherit" aria-hidden />;
  if (status.state === 'unreachable') return <ErrorOutlineOutlined />;
  return status.kind === 'simulated' ? <ScienceOutlined /> : <CheckCircleOutlineOutlined />;
}

/** The menu's Docker contexts; mounted only while the menu is open, so they are listed then and not before. */
function ContextItems({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { contexts, loadError, switching, switchError, use } = useDockerContexts();
  const problem = switchError ?? loadError;
  return (
    <>
      <ListSubheader>Docker context</ListSubheader>
      {contexts === undefined && problem === undefined && <MenuItem disabled>Listing the contexts…</MenuItem>}
      {contexts?.map((context) => (
        <MenuItem
          key={context.name}
          selected={context.current}
          disabled={switching !== undefined}
          onClick={() => {
            if (context.current) onDone();
            else void use(context.name).then((switched) => switched && onDone());
          }}
        >
          <ListItemIcon>{switching === context.name ? <CircularProgress size={16} aria-hidden /> : context.current ? <Check fontSize="small" /> : null}</ListItemIcon>
          <ListItemText primary={context.name} secondary={context.endpoint} />
        </MenuItem>
      ))}
      {problem !== undefined && (
        <MenuItem disabled sx={{ whiteSpace: 'normal', maxWidth: 360 }}>
          {describeIpcError(problem)}
        </MenuItem>
      )}
      <Divider />
      <MenuItem
        onClick={() => {
          onDone();
          navigate('settings');
        }}
      >
        Engine settings…
      </MenuItem>
    </>
  );
}

/**
 * The app bar's container engine indicator, live from `engine:status-changed`; its tooltip names the endpoint and any
 * problem. A click opens a menu to switch the Docker context (as `docker context use`) or go to the engine settings.
 */
export function EngineStatusChip(): React.JSX.Element | null {
  const { status } = useEngineStatus();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (status === undefined) return null;
  const close = (): void => setAnchor(null);
  return (
    <>
      <Tooltip describeChild title={tooltipText(status)}>
        <Chip
          size="small"
          label={engineChipLabel(status)}
          color={chipColor(status)}
          icon={chipIcon(status)}
          onClick={(event) => setAnchor(event.currentTarget)}
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
        />
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={close} slotProps={{ list: { 'aria-label': 'Container engine' } }}>
        <ContextItems onDone={close} />
      </Menu>
    </>
  );
}
