import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { WslConfigSetting } from '../../../../shared/model/wslconfig';
import { describeIpcError, type IpcError } from '../../ipc/ipc-error';
import { settingProblem } from './validate-setting';

/** Props of one setting's row. */
export interface WslSettingFieldProps {
  setting: WslConfigSetting;
  saving: boolean;
  error: IpcError | undefined;
  onSave: (key: string, value: string | null) => void;
}

const DEFAULT_CHOICE = '';

/** A value as the form shows it: an empty value (WSL's built-in choice) reads "(none)". */
function shown(value: string): string {
  return value === '' ? '(none)' : value;
}

function choicesOf(setting: WslConfigSetting): string[] | null {
  if (setting.type === 'boolean') return ['true', 'false'];
  if (setting.type === 'enum') return setting.choices ?? [];
  return null;
}

/** The file's value as the field shows it: booleans as true/false, enums in the spelling of their choice. */
function shownValue(setting: WslConfigSetting): string {
  const value = setting.value ?? '';
  if (setting.type === 'boolean' && /^(?:true|1)$/i.test(value)) return 'true';
  if (setting.type === 'boolean' && /^(?:false|0)$/i.test(value)) return 'false';
  return choicesOf(setting)?.find((choice) => choice.toLowerCase() === value.toLowerCase()) ?? value;
}

/**
 * One `.wslconfig` key: a select (booleans, enums, with "Default") or a text field (sizes, numbers, paths) checked
 * like WSL checks it, the effective value and default, a "No restart needed" chip where that holds, Save (only when changed and valid)
 * and "Use default" (removes the key). The host's error for the key shows under the field.
 */
export function WslSettingField({ setting, saving, error, onSave }: WslSettingFieldProps): React.JSX.Element {
  const saved = shownValue(setting);
  const [draft, setDraft] = useState(saved);
  const [lastSaved, setLastSaved] = useState(saved);
  if (lastSaved !== saved) {
    setLastSaved(saved);
    setDraft(saved);
  }
  const known = choicesOf(setting);
  const choices = known === null || saved === '' || known.includes(saved) ? known : [...known, saved];
  const cleared = draft.trim() === '';
  const problem = cleared ? null : settingProblem(setting, draft);
  const dirty = cleared ? setting.value !== null : draft.trim() !== saved;
  const helper =
    error !== undefined
      ? describeIpcError(error)
      : (problem ?? `In effect: ${shown(setting.effectiveValue)} · default: ${shown(setting.defaultValue)}${setting.value === null ? ' · not set in the file' : ''}`);
  const fieldId = `wslconfig-${setting.key.replace('.', '-')}`;
  return (
    <Box
      component="form"
      noValidate
      aria-label={setting.key}
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty && problem === null && !saving) onSave(setting.key, cleared ? null : draft.trim());
      }}
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(220px, 1fr) minmax(260px, 1.2fr) auto' }, gap: 2, alignItems: 'start', py: 1.5 }}
    >
      <Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography component="label" id={`${fieldId}-label`} htmlFor={fieldId} sx={{ fontWeight: 500 }}>
            {setting.name}
          </Typography>
          {!setting.restartNeeded && <Chip size="small" variant="outlined" color="success" label="No restart needed" />}
        </Box>
        <Typography variant="body2" color="text.secondary">
          {setting.description}
        </Typography>
      </Box>
      <TextField
        id={fieldId}
        size="small"
        select={choices !== null}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder={choices === null ? `Default: ${shown(setting.defaultValue)}` : undefined}
        error={problem !== null || error !== undefined}
        helperText={helper}
        disabled={saving}
        fullWidth
        slotProps={{ select: { displayEmpty: true, labelId: `${fieldId}-label` }, htmlInput: { spellCheck: false } }}
      >
        {choices !== null && [
          <MenuItem key="default" value={DEFAULT_CHOICE}>
            Default ({shown(setting.defaultValue)})
          </MenuItem>,
          ...choices.map((choice) => (
            <MenuItem key={choice} value={choice}>
              {choice}
            </MenuItem>
          )),
        ]}
      </TextField>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', pt: 0.25 }}>
        <Button type="submit" size="small" variant="contained" disabled={!dirty || problem !== null || saving} aria-label={`Save ${setting.key}`}>
          {saving ? <CircularProgress size={16} aria-hidden /> : 'Save'}
        </Button>
        <Button
          size="small"
          disabled={setting.value === null || saving}
          onClick={() => onSave(setting.key, null)}
          aria-label={`Use default for ${setting.key}`}
        >
          Use default
        </Button>
      </Box>
    </Box>
  );
}
