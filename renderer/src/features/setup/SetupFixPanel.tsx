import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Operation } from '../../../../shared/model/operation';
import type { SetupCheck, SetupFix, SetupFixRequest } from '../../../../shared/model/setup-check';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import { OperationProgress } from '../operations/OperationProgress';
import { useOperations } from '../operations/useOperations';

/** What the fix panel needs from the wizard. */
export interface SetupFixPanelProps {
  check: SetupCheck;
  fix: SetupFix;
  /** True while this fix runs. */
  running: boolean;
  /** True while any fix or restart runs (other buttons wait). */
  busy: boolean;
  canReboot: boolean;
  onFix(request: SetupFixRequest): void;
  onCancel(): void;
  onRestart(enableFirmwareVirtualization: boolean): void;
}

/** The operation a running fix reports: the distro install for `install-distro`, else the newest running setup step. */
function runningOperation(operations: readonly Operation[], fix: SetupFix, distro: string): Operation | undefined {
  if (fix.id === 'install-distro') return operations.find((o) => o.kind === 'install' && o.target === distro && o.state === 'running');
  return operations.find((o) => o.kind === 'setup' && o.state === 'running');
}

/** Picks the distro `install-distro` installs, from the online list (as the Distros page offers). */
function DistroChoice({ value, onChange, disabled }: { value: string; onChange(name: string): void; disabled: boolean }): React.JSX.Element {
  const online = useIpcQuery('distros:list-online', {});
  const options = online.data ?? [];
  if (online.error) return <Typography color="error">The list of distros could not be loaded: {online.error.message}</Typography>;
  return (
    <FormControl size="small" sx={{ minWidth: 240 }} disabled={disabled || options.length === 0}>
      <InputLabel id="setup-distro-label">Distro to install</InputLabel>
      <Select labelId="setup-distro-label" label="Distro to install" value={options.some((o) => o.name === value) ? value : ''} onChange={(event) => onChange(String(event.target.value))}>
        {options.map((option) => (
          <MenuItem key={option.name} value={option.name}>
            {option.friendlyName}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * A failing check's way out: a step with its button (progress and Cancel while it runs, the reason when it cannot run),
 * or instructions (firmware keys, restarting Windows) with a simulated restart where the host can do one.
 */
export function SetupFixPanel({ check, fix, running, busy, canReboot, onFix, onCancel, onRestart }: SetupFixPanelProps): React.JSX.Element {
  const operations = useOperations();
  const [distro, setDistro] = useState('Ubuntu-24.04');
  const operation = running ? runningOperation(operations, fix, distro) : undefined;

  if (fix.kind === 'instructions') {
    const restartLabel = fix.id === 'firmware' ? 'Restart with virtualization turned on (simulated)' : 'Restart Windows (simulated)';
    return (
      <Stack spacing={1} sx={{ mt: 1 }}>
        <Typography variant="subtitle2" component="h4">
          {fix.label}
        </Typography>
        <Box component="ol" sx={{ m: 0, pl: 3 }}>
          {fix.instructions.map((line) => (
            <Typography component="li" variant="body2" key={line} sx={{ mb: 0.5 }}>
              {line}
            </Typography>
          ))}
        </Box>
        {canReboot && (
          <Box>
            <Button variant="contained" disabled={busy} onClick={() => onRestart(fix.id === 'firmware')}>
              {restartLabel}
            </Button>
          </Box>
        )}
      </Stack>
    );
  }

  const request: SetupFixRequest = fix.id === 'install-distro' ? { fix: 'install-distro', distro } : ({ fix: fix.id } as SetupFixRequest);
  const label = fix.id === 'install-distro' ? `Install ${distro}` : fix.label;
  const reasonId = `setup-fix-reason-${check.id}`;
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {fix.id === 'install-distro' && <DistroChoice value={distro} onChange={setDistro} disabled={busy || fix.unavailableReason !== null} />}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button
          variant="contained"
          disabled={busy || fix.unavailableReason !== null}
          aria-describedby={fix.unavailableReason !== null ? reasonId : undefined}
          onClick={() => onFix(request)}
        >
          {label}
        </Button>
        {running && fix.cancellable && (
          <Button variant="outlined" color="inherit" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </Stack>
      {fix.unavailableReason !== null && (
        <Typography id={reasonId} variant="body2" color="text.secondary">
          Not available yet: {fix.unavailableReason}
        </Typography>
      )}
      {fix.elevated && fix.unavailableReason === null && !running && (
        <Typography variant="body2" color="text.secondary">
          Windows asks once for administrator rights; nothing restarts by itself.
        </Typography>
      )}
      {running && (operation ? <OperationProgress operation={operation} /> : <Typography variant="body2">{label}…</Typography>)}
    </Stack>
  );
}
