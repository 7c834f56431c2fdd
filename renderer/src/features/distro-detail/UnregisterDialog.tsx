import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { DistroDetail } from '../../../../shared/model/distro';
import { formatBytes } from '../../components/format-bytes';
import type { IpcError } from '../../ipc/ipc-error';
import { ActionDialog } from './ActionDialog';

/** Props of the unregister dialog. */
export interface UnregisterDialogProps {
  open: boolean;
  distro: DistroDetail;
  running: boolean;
  error: IpcError | undefined;
  onClose: () => void;
  onUnregister: (confirm: string) => void;
}

/**
 * Says what is lost (the distro and its disk, with path and size) and asks the user to type the exact name; the
 * Unregister button stays disabled until the typed name matches, and the typed text is what the host checks.
 */
export function UnregisterDialog({ open, distro, running, error, onClose, onUnregister }: UnregisterDialogProps): React.JSX.Element {
  const [typed, setTyped] = useState('');
  const what =
    distro.disk === null
      ? 'its files'
      : `its disk ${distro.disk.path} (${formatBytes(distro.disk.fileSizeBytes)}, ${formatBytes(distro.disk.usedBytes)} of data)`;
  return (
    <ActionDialog
      open={open}
      title={`Unregister ${distro.name}?`}
      confirmLabel="Unregister"
      confirmColor="error"
      canConfirm={typed === distro.name}
      running={running}
      error={error}
      operation={{ kind: 'unregister', target: distro.name }}
      onConfirm={() => onUnregister(typed)}
      onClose={onClose}
    >
      <Alert severity="warning">
        This deletes {distro.name} and {what}. It cannot be undone: export the distro first to keep a copy.
      </Alert>
      <TextField
        label={`Type ${distro.name} to confirm`}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        disabled={running}
        autoComplete="off"
        autoFocus
        fullWidth
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
    </ActionDialog>
  );
}
