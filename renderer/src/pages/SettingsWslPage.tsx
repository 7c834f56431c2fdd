import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { WslConfigEditor } from '../features/wslconfig/WslConfigEditor';

/** The Settings page; its WSL section edits `%UserProfile%\.wslconfig` with WSL's own validation. */
export function SettingsWslPage(): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Settings
      </Typography>
      <Stack spacing={1} component="section" aria-labelledby="settings-wsl-title">
        <Typography id="settings-wsl-title" variant="h6" component="h3">
          WSL
        </Typography>
        <WslConfigEditor />
      </Stack>
    </Stack>
  );
}
