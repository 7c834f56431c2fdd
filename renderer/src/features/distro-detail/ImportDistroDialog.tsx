import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { InvokeRequest } from '../../../../shared/ipc/contract';
import { DistroName } from '../../../../shared/model/distro';
import type { IpcError } from '../../ipc/ipc-error';
import { ActionDialog } from './ActionDialog';
import { formatOfFile, pathProblem } from './path-input';

/** Props of the import dialog. */
export interface ImportDistroDialogProps {
  installed: readonly string[];
  running: boolean;
  error: IpcError | undefined;
  onClose: () => void;
  onImport: (request: InvokeRequest<'distros:import'>) => void;
}

function nameProblem(name: string, installed: readonly string[]): string | null {
  if (name === '') return 'Required.';
  const parsed = DistroName.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a valid name.';
  if (installed.some((known) => known.toLowerCase() === name.toLowerCase())) return `A distro named ${name} already exists.`;
  return null;
}

/**
 * Asks for a new name, an install folder and a .tar or .vhdx file (format from the extension), plus the WSL version
 * for tar archives; every field is checked as the host checks it, and nothing is sent until all are valid.
 */
export function ImportDistroDialog({ installed, running, error, onClose, onImport }: ImportDistroDialogProps): React.JSX.Element {
  const [name, setName] = useState('');
  const [installDir, setInstallDir] = useState('');
  const [filePath, setFilePath] = useState('');
  const [version, setVersion] = useState<'1' | '2'>('2');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string): void => setTouched((current) => new Set(current).add(field));
  const problems = { name: nameProblem(name, installed), installDir: pathProblem(installDir), filePath: pathProblem(filePath) };
  const format = formatOfFile(filePath);
  const shown = (field: keyof typeof problems): string | null => (touched.has(field) ? problems[field] : null);
  const valid = Object.values(problems).every((problem) => problem === null);
  return (
    <ActionDialog
      open
      title="Import a distro"
      confirmLabel="Import"
      canConfirm={valid}
      running={running}
      error={error}
      operation={{ kind: 'import', target: name }}
      onConfirm={() =>
        onImport({
          name,
          installDir: installDir.trim(),
          filePath: filePath.trim(),
          format,
          ...(format === 'tar' ? { version: version === '1' ? 1 : 2 } : {}),
        })
      }
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        Registers a new distro from an exported .tar archive or .vhdx disk. The install folder receives its disk.
      </Typography>
      <TextField
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => touch('name')}
        error={shown('name') !== null}
        helperText={shown('name') ?? 'Letters, digits, ".", "_" and "-".'}
        disabled={running}
        required
        autoFocus
      />
      <TextField
        label="Install folder"
        placeholder="C:\WSL\MyDistro"
        value={installDir}
        onChange={(event) => setInstallDir(event.target.value)}
        onBlur={() => touch('installDir')}
        error={shown('installDir') !== null}
        helperText={shown('installDir') ?? 'An absolute path on the host.'}
        disabled={running}
        required
      />
      <TextField
        label="File to import"
        placeholder="C:\backups\distro.tar"
        value={filePath}
        onChange={(event) => setFilePath(event.target.value)}
        onBlur={() => touch('filePath')}
        error={shown('filePath') !== null}
        helperText={shown('filePath') ?? `Read as a ${format === 'vhdx' ? 'VHDX disk (WSL 2)' : 'tar archive'} from its extension.`}
        disabled={running}
        required
      />
      {format === 'tar' && (
        <FormControl disabled={running}>
          <FormLabel id="import-version-label">WSL version</FormLabel>
          <RadioGroup row aria-labelledby="import-version-label" value={version} onChange={(event) => setVersion(event.target.value === '1' ? '1' : '2')}>
            <FormControlLabel value="2" control={<Radio />} label="WSL 2" />
            <FormControlLabel value="1" control={<Radio />} label="WSL 1" />
          </RadioGroup>
        </FormControl>
      )}
    </ActionDialog>
  );
}
