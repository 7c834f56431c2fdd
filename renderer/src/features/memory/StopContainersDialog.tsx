import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import DialogContentText from '@mui/material/DialogContentText';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import { formatBytes, formatPercent } from '../../components/format-bytes';
import { describeIpcError, type IpcError } from '../../ipc/ipc-error';
import { ConfirmDialog } from '../engine/ConfirmDialog';
import type { HeavyContainer } from './memory-tree';

/** Props of the dialog: the heaviest containers, whether a stop runs, its error, and what to call. */
export interface StopContainersDialogProps {
  open: boolean;
  containers: readonly HeavyContainer[];
  running: boolean;
  error: IpcError | undefined;
  onStop: (refs: string[]) => void;
  onClose: () => void;
}

function describe(container: HeavyContainer): string {
  const limit = container.limitBytes === null ? 'no limit' : `${formatPercent(container.bytes, container.limitBytes)} of its ${formatBytes(container.limitBytes)} limit`;
  return `${container.name} · ${formatBytes(container.bytes)} (${limit})`;
}

/**
 * Choose from the heaviest containers (none ticked at first) and confirm: "Stop N containers" stays disabled until
 * one is ticked and while the stop runs (with progress); the host's error shows in the dialog, which stays open.
 */
export function StopContainersDialog({ open, containers, running, error, onStop, onClose }: StopContainersDialogProps): React.JSX.Element | null {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const picked = containers.filter((container) => chosen.has(container.ref));
  const total = picked.reduce((sum, container) => sum + container.bytes, 0);
  const toggle = (ref: string): void =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(ref)) next.add(ref);
      return next;
    });
  const close = (): void => {
    if (running) return;
    setChosen(new Set());
    onClose();
  };
  if (!open) return null;
  return (
    <ConfirmDialog
      title="Stop heaviest containers"
      confirmLabel={running ? 'Stopping…' : picked.length === 0 ? 'Stop containers' : `Stop ${picked.length} (${formatBytes(total)})`}
      busy={running}
      confirmDisabled={picked.length === 0}
      onCancel={close}
      onConfirm={() => onStop(picked.map((container) => container.ref))}
    >
      <DialogContentText sx={{ mb: 1 }}>
        Stopping a container frees its memory inside the VM at once; the VM gives it back to the host as it reclaims memory. The containers are stopped, not removed: start them again from Containers.
      </DialogContentText>
      <FormGroup aria-label="Containers to stop">
        {containers.map((container) => (
          <FormControlLabel
            key={container.ref}
            control={<Checkbox checked={chosen.has(container.ref)} onChange={() => toggle(container.ref)} disabled={running} />}
            label={describe(container)}
          />
        ))}
      </FormGroup>
      {error !== undefined && (
        <Alert severity="error" sx={{ mt: 1 }}>
          Could not stop them: {describeIpcError(error)}
        </Alert>
      )}
    </ConfirmDialog>
  );
}
