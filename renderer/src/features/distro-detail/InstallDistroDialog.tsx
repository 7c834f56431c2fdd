import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { describeIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import { ActionDialog } from './ActionDialog';
import { RetryAlert } from '../../components/RetryAlert';

/** Props of the install dialog. */
export interface InstallDistroDialogProps {
  installed: readonly string[];
  running: boolean;
  error: IpcError | undefined;
  onClose: () => void;
  onInstall: (name: string) => void;
}

/**
 * Lists what `distros:list-online` offers (installed ones disabled), with loading and error states, and installs
 * the chosen distro with live progress. Mount it only while open: it fetches the list when mounted.
 */
export function InstallDistroDialog({ installed, running, error, onClose, onInstall }: InstallDistroDialogProps): React.JSX.Element {
  const online = useIpcQuery('distros:list-online', {});
  const [chosen, setChosen] = useState('');
  const taken = new Set(installed.map((name) => name.toLowerCase()));
  return (
    <ActionDialog
      open
      title="Install a distro"
      confirmLabel="Install"
      canConfirm={chosen !== '' && !taken.has(chosen.toLowerCase())}
      running={running}
      error={error}
      operation={{ kind: 'install', target: chosen }}
      onConfirm={() => onInstall(chosen)}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        WSL downloads the distro from its online catalogue and registers it as WSL 2.
      </Typography>
      {online.data === undefined && online.error === undefined && (
        <Skeleton variant="rounded" height={120} role="status" aria-label="Loading the online distros" />
      )}
      {online.data === undefined && online.error !== undefined && (
        <RetryAlert onRetry={online.refetch}>
          Could not read the online distros: {describeIpcError(online.error)}
        </RetryAlert>
      )}
      {online.data?.length === 0 && <Typography>No distro is offered online.</Typography>}
      {online.data !== undefined && online.data.length > 0 && (
        <RadioGroup aria-label="Online distros" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {online.data.map((distro) => {
            const isInstalled = taken.has(distro.name.toLowerCase());
            return (
              <FormControlLabel
                key={distro.name}
                value={distro.name}
                disabled={running || isInstalled}
                control={<Radio />}
                label={`${distro.friendlyName} (${distro.name})${isInstalled ? ', installed' : ''}`}
              />
            );
          })}
        </RadioGroup>
      )}
    </ActionDialog>
  );
}
