import { useState } from 'react';
import Chip, { type ChipProps } from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import CheckCircleOutlineOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import { LazyTooltip } from './LazyTooltip';
import type { EngineStatus } from '../../../shared/model/engine';
import { useEngineStatus } from '../features/engine/useEngineStatus';
import { lazyPart } from './lazy-part';

const EngineContextMenu = lazyPart(() => import('../features/engine/EngineContextMenu').then((m) => m.EngineContextMenu));

/** Loads the chip's menu code ahead of the first click (the app does it once idle). */
export const preloadEngineContextMenu = EngineContextMenu.preload;

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

/**
 * The app bar's container engine indicator, live from `engine:status-changed`; its tooltip names the endpoint and any
 * problem. A click opens a menu (its code loaded on first use) listing every Docker context with its live status, to
 * switch between them (as `docker context use`) or go to the engine settings.
 */
export function EngineStatusChip(): React.JSX.Element | null {
  const { status } = useEngineStatus();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [used, setUsed] = useState(false);
  if (status === undefined) return null;
  const close = (): void => setAnchor(null);
  return (
    <>
      <LazyTooltip describeChild title={tooltipText(status)}>
        <Chip
          size="small"
          label={engineChipLabel(status)}
          color={chipColor(status)}
          icon={chipIcon(status)}
          onClick={(event) => {
            setAnchor(event.currentTarget);
            setUsed(true);
          }}
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
        />
      </LazyTooltip>
      {used && <EngineContextMenu anchor={anchor} onClose={close} />}
    </>
  );
}
