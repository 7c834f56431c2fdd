import CircularProgress from '@mui/material/CircularProgress';
import PlayArrow from '@mui/icons-material/PlayArrow';
import Stop from '@mui/icons-material/Stop';
import StarBorder from '@mui/icons-material/StarBorder';
import type { ReactNode } from 'react';
import { RowIconButton } from '../../components/RowIconButton';
import type { Distro } from '../../../../shared/model/distro';
import type { DistroAction } from './useDistros';

const RUNNING_TEXT: Record<DistroAction, string> = {
  start: 'Starting',
  terminate: 'Terminating',
  'set-default': 'Setting the default to',
};

/** Props of one row's action buttons. */
export interface DistroRowActionsProps {
  distro: Distro;
  running: DistroAction | undefined;
  busy: boolean;
  onAction: (action: DistroAction, name: string) => void;
}

function ActionButton(props: { label: string; tip: string; disabled: boolean; onClick: () => void; icon: ReactNode }): React.JSX.Element {
  return (
    <RowIconButton label={props.label} title={props.tip} disabled={props.disabled} onClick={props.onClick}>
      {props.icon}
    </RowIconButton>
  );
}

/**
 * Start, Terminate and Set-as-default for one distro, each named "<Verb> <distro>" for assistive tech and enabled only
 * when it applies; while an action on this row runs (or `busy`), all are disabled and a labelled spinner shows.
 */
export function DistroRowActions({ distro, running, busy, onAction }: DistroRowActionsProps): React.JSX.Element {
  const { name, state, isDefault } = distro;
  const locked = busy || running !== undefined;
  const settled = state === 'Running' || state === 'Stopped';
  return (
    <div className="row-actions">
      <ActionButton
        label={`Start ${name}`}
        tip="Start"
        icon={<PlayArrow fontSize="small" />}
        disabled={locked || state !== 'Stopped'}
        onClick={() => onAction('start', name)}
      />
      <ActionButton
        label={`Terminate ${name}`}
        tip="Terminate"
        icon={<Stop fontSize="small" />}
        disabled={locked || state !== 'Running'}
        onClick={() => onAction('terminate', name)}
      />
      <ActionButton
        label={`Set ${name} as default`}
        tip="Set as default"
        icon={<StarBorder fontSize="small" />}
        disabled={locked || isDefault || !settled}
        onClick={() => onAction('set-default', name)}
      />
      {running !== undefined && <CircularProgress size={18} aria-label={`${RUNNING_TEXT[running]} ${name}…`} />}
    </div>
  );
}
