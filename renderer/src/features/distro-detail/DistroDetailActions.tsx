import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import DeleteForever from '@mui/icons-material/DeleteForever';
import FileDownload from '@mui/icons-material/FileDownload';
import PlayArrow from '@mui/icons-material/PlayArrow';
import StarBorder from '@mui/icons-material/StarBorder';
import Stop from '@mui/icons-material/Stop';
import SwapHoriz from '@mui/icons-material/SwapHoriz';
import type { ReactNode } from 'react';
import type { DistroDetail } from '../../../../shared/model/distro';
import type { DistroDetailAction } from './useDistroActions';

/** A dialog the detail page opens. */
export type DistroDialog = 'export' | 'unregister' | 'set-version';

/** Props of the action bar. */
export interface DistroDetailActionsProps {
  distro: DistroDetail;
  running: DistroDetailAction['kind'] | undefined;
  onRun: (action: DistroDetailAction) => void;
  onOpen: (dialog: DistroDialog) => void;
}

function ActionButton(props: {
  label: string;
  icon: ReactNode;
  spinning: boolean;
  disabled: boolean;
  color?: 'primary' | 'error';
  onClick: () => void;
}): React.JSX.Element {
  return (
    <Button
      size="small"
      variant="outlined"
      color={props.color ?? 'primary'}
      startIcon={props.spinning ? <CircularProgress size={14} aria-hidden /> : props.icon}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  );
}

/**
 * Start, Terminate, Set as default, Export…, Convert to WSL n… and Unregister… for one distro: each enabled only when
 * it applies (settled state, not already default), all disabled while any action on the distro runs.
 */
export function DistroDetailActions({ distro, running, onRun, onOpen }: DistroDetailActionsProps): React.JSX.Element {
  const locked = running !== undefined;
  const settled = distro.state === 'Running' || distro.state === 'Stopped';
  return (
    <Box role="toolbar" aria-label={`Actions for ${distro.name}`} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      <ActionButton
        label="Start"
        icon={<PlayArrow />}
        spinning={running === 'start'}
        disabled={locked || distro.state !== 'Stopped'}
        onClick={() => onRun({ kind: 'start' })}
      />
      <ActionButton
        label="Terminate"
        icon={<Stop />}
        spinning={running === 'terminate'}
        disabled={locked || distro.state !== 'Running'}
        onClick={() => onRun({ kind: 'terminate' })}
      />
      <ActionButton
        label="Set as default"
        icon={<StarBorder />}
        spinning={running === 'set-default'}
        disabled={locked || distro.isDefault || !settled}
        onClick={() => onRun({ kind: 'set-default' })}
      />
      <ActionButton label="Export…" icon={<FileDownload />} spinning={running === 'export'} disabled={locked || !settled} onClick={() => onOpen('export')} />
      <ActionButton
        label={`Convert to WSL ${distro.version === 2 ? 1 : 2}…`}
        icon={<SwapHoriz />}
        spinning={running === 'set-version'}
        disabled={locked || !settled}
        onClick={() => onOpen('set-version')}
      />
      <ActionButton
        label="Unregister…"
        icon={<DeleteForever />}
        color="error"
        spinning={running === 'unregister'}
        disabled={locked || !settled}
        onClick={() => onOpen('unregister')}
      />
    </Box>
  );
}
