import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import type { WslConfigSetting } from '../../../../shared/model/wslconfig';
import { RetryAlert } from '../../components/RetryAlert';
import { describeIpcError } from '../../ipc/ipc-error';
import { useWslConfig, type WslConfigModel } from '../wslconfig/useWslConfig';
import { settingProblem } from '../wslconfig/validate-setting';

/** The `.wslconfig` key of the automatic reclaim mode. */
export const RECLAIM_KEY = 'experimental.autoMemoryReclaim';
/** The `.wslconfig` key of the VM's memory limit. */
export const LIMIT_KEY = 'wsl2.memory';
const RECLAIM_CHOICES = ['disabled', 'gradual', 'dropCache'] as const;
const DEFAULT_CHOICE = '';

/** A change written to the file: which setting, what it was and what it is now. */
interface Change {
  name: string;
  from: string;
  to: string;
}

function shown(setting: WslConfigSetting, value: string | null): string {
  return value === null ? `default (${setting.defaultValue})` : value;
}

function promptText(model: WslConfigModel, restarted: boolean): string {
  if (model.restartError !== undefined) return `WSL did not restart: ${describeIpcError(model.restartError)}`;
  if (model.restartNeeded) return 'The running VM does not use this yet. Restarting WSL stops every running distro, then boots the VM with the new settings.';
  return restarted ? 'The VM runs with it now.' : 'The VM is not running; it uses this when it next boots.';
}

/** The last change as "before → after", with "Restart WSL now" while the running VM does not use the file as it is. */
function RestartPrompt({ model, change }: { model: WslConfigModel; change: Change | undefined }): React.JSX.Element | null {
  const [restarted, setRestarted] = useState(false);
  if (!model.restartNeeded && model.restartError === undefined && change === undefined) return null;
  const restart = model.restartNeeded || model.restartError !== undefined;
  return (
    <Alert
      severity={model.restartError !== undefined ? 'error' : restart ? 'warning' : 'success'}
      action={
        restart ? (
          <Button
            color="inherit"
            size="small"
            disabled={model.restarting}
            startIcon={model.restarting ? <CircularProgress size={14} color="inherit" aria-hidden /> : undefined}
            onClick={() => {
              setRestarted(true);
              void model.restart();
            }}
          >
            {model.restarting ? 'Restarting…' : 'Restart WSL now'}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{change === undefined ? 'Restart needed' : `${change.name}: ${change.from} → ${change.to}`}</AlertTitle>
      {promptText(model, restarted)}
    </Alert>
  );
}

function ReclaimSelect({ setting, model, onChanged }: { setting: WslConfigSetting; model: WslConfigModel; onChanged: (change: Change) => void }): React.JSX.Element {
  const saving = model.saving.has(setting.key);
  const error = model.errors.get(setting.key);
  const value = RECLAIM_CHOICES.find((choice) => choice.toLowerCase() === setting.value?.toLowerCase()) ?? DEFAULT_CHOICE;
  return (
    <TextField
      select
      size="small"
      label="Automatic memory reclaim"
      value={value}
      disabled={saving}
      error={error !== undefined}
      helperText={error !== undefined ? describeIpcError(error) : `In effect: ${setting.effectiveValue}. How the VM gives cached memory back to Windows.`}
      onChange={(event) => {
        const next = event.target.value === DEFAULT_CHOICE ? null : event.target.value;
        void model.save(setting.key, next).then((saved) => {
          if (saved) onChanged({ name: 'Automatic memory reclaim', from: shown(setting, setting.value), to: shown(setting, next) });
        });
      }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 240 }}
    >
      <MenuItem value={DEFAULT_CHOICE}>Default ({setting.defaultValue})</MenuItem>
      {RECLAIM_CHOICES.map((choice) => (
        <MenuItem key={choice} value={choice}>
          {choice}
        </MenuItem>
      ))}
    </TextField>
  );
}

function LimitField({ setting, model, onChanged }: { setting: WslConfigSetting; model: WslConfigModel; onChanged: (change: Change) => void }): React.JSX.Element {
  const [draft, setDraft] = useState(setting.value ?? '');
  const saving = model.saving.has(setting.key);
  const error = model.errors.get(setting.key);
  const text = draft.trim();
  const problem = text === '' ? null : settingProblem(setting, text);
  const changed = text !== '' && text !== setting.value;
  const save = (): void => {
    if (!changed || problem !== null || saving) return;
    const from = shown(setting, setting.value);
    void model.save(setting.key, text).then((saved) => {
      if (saved) onChanged({ name: 'Memory limit', from, to: text });
    });
  };
  return (
    <Box
      component="form"
      noValidate
      aria-label="Memory limit"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
    >
      <TextField
        size="small"
        label="Memory limit"
        value={draft}
        placeholder={`Default: ${setting.defaultValue}`}
        disabled={saving}
        error={problem !== null || error !== undefined}
        helperText={
          error !== undefined
            ? describeIpcError(error)
            : (problem ?? (changed ? `${shown(setting, setting.value)} → ${text}` : `In effect: ${setting.effectiveValue}. For example 8GB.`))
        }
        onChange={(event) => setDraft(event.target.value)}
        slotProps={{ htmlInput: { spellCheck: false }, inputLabel: { shrink: true } }}
        sx={{ width: 240 }}
      />
      <Button type="submit" variant="contained" aria-label="Set limit" disabled={!changed || problem !== null || saving} sx={{ mt: 0.25 }}>
        {saving ? <CircularProgress size={16} aria-hidden /> : 'Set limit'}
      </Button>
    </Box>
  );
}

/**
 * The VM's memory settings in `.wslconfig`: the automatic reclaim mode (written as soon as it is chosen) and the
 * memory limit (checked like WSL checks a size), each written with `wslconfig:set`; then the change as
 * "before → after" with the restart prompt ("Restart WSL now") while the running VM does not use it yet.
 */
export function MemorySettings(): React.JSX.Element {
  const model = useWslConfig();
  const [change, setChange] = useState<Change | undefined>(undefined);
  if (model.view === undefined) {
    if (model.loadError === undefined) return <Skeleton variant="rounded" height={56} role="status" aria-label="Loading the memory settings" />;
    return <RetryAlert onRetry={model.refetch}>Could not read .wslconfig: {describeIpcError(model.loadError)}</RetryAlert>;
  }
  const find = (key: string): WslConfigSetting | undefined => model.view?.settings.find((setting) => setting.key.toLowerCase() === key.toLowerCase());
  const reclaim = find(RECLAIM_KEY);
  const limit = find(LIMIT_KEY);
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {reclaim !== undefined && <ReclaimSelect setting={reclaim} model={model} onChanged={setChange} />}
        {limit !== undefined && <LimitField key={limit.value ?? ''} setting={limit} model={model} onChanged={setChange} />}
      </Box>
      <RestartPrompt model={model} change={change} />
    </Box>
  );
}
