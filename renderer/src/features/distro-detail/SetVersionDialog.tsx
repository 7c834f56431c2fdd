import Typography from '@mui/material/Typography';
import type { DistroDetail } from '../../../../shared/model/distro';
import type { IpcError } from '../../ipc/ipc-error';
import { ActionDialog } from './ActionDialog';

/** Props of the WSL version dialog. */
export interface SetVersionDialogProps {
  open: boolean;
  distro: DistroDetail;
  running: boolean;
  error: IpcError | undefined;
  onClose: () => void;
  onConvert: (version: 1 | 2) => void;
}

/** Confirms converting a distro to the other WSL version, saying what changes; the conversion can take minutes. */
export function SetVersionDialog({ open, distro, running, error, onClose, onConvert }: SetVersionDialogProps): React.JSX.Element {
  const target = distro.version === 2 ? 1 : 2;
  return (
    <ActionDialog
      open={open}
      title={`Convert ${distro.name} to WSL ${target}?`}
      confirmLabel={`Convert to WSL ${target}`}
      canConfirm
      running={running}
      error={error}
      operation={{ kind: 'set-version', target: distro.name }}
      onConfirm={() => onConvert(target)}
      onClose={onClose}
    >
      <Typography variant="body2">
        {target === 2
          ? 'The distro moves into the WSL 2 utility VM, with its own ext4 virtual disk and a real Linux kernel.'
          : 'The distro leaves the utility VM: its files move out of the virtual disk into a folder on Windows, and it runs on the WSL 1 translation layer.'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        WSL copies every file, so this can take several minutes; the distro is stopped and cannot be used meanwhile.
      </Typography>
    </ActionDialog>
  );
}
