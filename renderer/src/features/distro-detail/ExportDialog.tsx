import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { DistroDetail } from '../../../../shared/model/distro';
import type { IpcError } from '../../ipc/ipc-error';
import { ActionDialog } from './ActionDialog';
import { formatOfFile, pathProblem } from './path-input';

/** Props of the export dialog. */
export interface ExportDialogProps {
  open: boolean;
  distro: DistroDetail;
  running: boolean;
  error: IpcError | undefined;
  onClose: () => void;
  onExport: (filePath: string, format: 'tar' | 'vhdx') => void;
}

/**
 * Asks for an absolute file path and a format (tar, or vhdx for WSL 2 distros; picked from the extension until the
 * user chooses) and exports; the path is checked as the host checks it before anything is sent.
 */
export function ExportDialog({ open, distro, running, error, onClose, onExport }: ExportDialogProps): React.JSX.Element {
  const [filePath, setFilePath] = useState('');
  const [chosen, setChosen] = useState<'tar' | 'vhdx' | null>(null);
  const [touched, setTouched] = useState(false);
  const format = distro.version === 1 ? 'tar' : (chosen ?? formatOfFile(filePath));
  const problem = pathProblem(filePath);
  return (
    <ActionDialog
      open={open}
      title={`Export ${distro.name}`}
      confirmLabel="Export"
      canConfirm={problem === null}
      running={running}
      error={error}
      operation={{ kind: 'export', target: distro.name }}
      onConfirm={() => onExport(filePath.trim(), format)}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        Writes a copy of the distro to a file you can import again, here or on another machine. The distro stays as it is.
      </Typography>
      <TextField
        label="Export file"
        placeholder={distro.version === 2 ? 'C:\\backups\\distro.tar or .vhdx' : 'C:\\backups\\distro.tar'}
        value={filePath}
        onChange={(event) => setFilePath(event.target.value)}
        onBlur={() => setTouched(true)}
        error={touched && problem !== null}
        helperText={touched && problem !== null ? problem : 'An absolute path on the host; an existing file is not overwritten.'}
        disabled={running}
        required
        autoFocus
        fullWidth
      />
      <FormControl disabled={running}>
        <FormLabel id="export-format-label">Format</FormLabel>
        <RadioGroup row aria-labelledby="export-format-label" value={format} onChange={(event) => setChosen(event.target.value === 'vhdx' ? 'vhdx' : 'tar')}>
          <FormControlLabel value="tar" control={<Radio />} label="tar archive" />
          <FormControlLabel value="vhdx" control={<Radio />} label="VHDX disk" disabled={distro.version === 1} />
        </RadioGroup>
      </FormControl>
    </ActionDialog>
  );
}
