import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { GeneralSettingsPatch, ThemeSetting } from '../../../../shared/model/general-settings';
import type { NotificationKind } from '../../../../shared/model/notification';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';
import { useGeneralSettings } from './useGeneralSettings';

const THEMES: readonly { value: ThemeSetting; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const WINDOW_TOGGLES = [
  { key: 'closeToTray', label: 'Keep running in the tray when the window is closed' },
  { key: 'startHidden', label: 'Start hidden (in the tray)' },
  { key: 'startAtLogin', label: 'Start Lightdock when I log in' },
] as const;

const NOTIFICATION_TOGGLES: readonly { kind: NotificationKind; label: string }[] = [
  { kind: 'container-exited', label: 'A container exits with an error or runs out of memory' },
  { kind: 'engine-stopped', label: 'The Docker engine stops unexpectedly' },
  { kind: 'vm-memory', label: 'The WSL VM is near its memory limit' },
  { kind: 'setup-step', label: 'A setup step is done' },
  { kind: 'memory-warning', label: 'A container nears its memory limit, the WSL VM swaps or the machine runs low on memory' },
];

/** Settings → General: theme, window behaviour (desktop app) and which notifications to show; each change is saved at once. */
export function GeneralSettingsSection(): React.JSX.Element {
  const { settings, error, loading, refetch } = useGeneralSettings();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = (patch: GeneralSettingsPatch): void => {
    setSaving(true);
    setSaveError(null);
    invoke('settings:set-general', patch)
      .catch((failure: unknown) => setSaveError(`The change was not saved: ${describeIpcError(toIpcError(failure))}`))
      .finally(() => setSaving(false));
  };

  if (settings === undefined) {
    if (error !== undefined) {
      return (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={refetch}>
              Retry
            </Button>
          }
        >
          Could not load the general settings: {describeIpcError(error)}
        </Alert>
      );
    }
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {loading && <CircularProgress size={16} aria-hidden />}
        <Typography variant="body2">Loading the general settings…</Typography>
      </Stack>
    );
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      {saveError !== null && <Alert severity="error">{saveError}</Alert>}
      <FormControl>
        <FormLabel id="settings-theme-label">Theme</FormLabel>
        <ToggleButtonGroup
          exclusive
          size="small"
          aria-labelledby="settings-theme-label"
          value={settings.theme}
          disabled={saving}
          onChange={(_event, value: ThemeSetting | null) => value !== null && value !== settings.theme && save({ theme: value })}
          sx={{ mt: 0.5 }}
        >
          {THEMES.map((theme) => (
            <ToggleButton key={theme.value} value={theme.value}>
              {theme.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </FormControl>
      <FormControl component="fieldset">
        <FormLabel component="legend">Window (desktop app)</FormLabel>
        <FormGroup>
          {WINDOW_TOGGLES.map(({ key, label }) => (
            <FormControlLabel
              key={key}
              label={label}
              control={<Switch checked={settings[key]} disabled={saving} onChange={(event) => save({ [key]: event.target.checked })} />}
            />
          ))}
        </FormGroup>
        <FormHelperText>These apply to the desktop app; the browser host keeps them for it.</FormHelperText>
      </FormControl>
      <FormControl component="fieldset">
        <FormLabel component="legend">Notifications</FormLabel>
        <FormGroup>
          {NOTIFICATION_TOGGLES.map(({ kind, label }) => (
            <FormControlLabel
              key={kind}
              label={label}
              control={
                <Switch checked={settings.notifications[kind]} disabled={saving} onChange={(event) => save({ notifications: { [kind]: event.target.checked } })} />
              }
            />
          ))}
        </FormGroup>
        <FormHelperText>Memory warnings are checked while the Memory page is open.</FormHelperText>
      </FormControl>
    </Stack>
  );
}
