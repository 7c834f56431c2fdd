import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DockerContextsSection } from '../features/engine/DockerContextsSection';
import { GeneralSettingsSection } from '../features/settings-general/GeneralSettingsSection';
import { WslConfigEditor } from '../features/wslconfig/WslConfigEditor';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Stack spacing={1} component="section" aria-labelledby={id}>
      <Typography id={id} variant="h6" component="h3">
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

/** The Settings page: General (theme, window, notifications), the Docker engine and its contexts, then WSL's `%UserProfile%\.wslconfig` with WSL's own validation. */
export function SettingsPage(): React.JSX.Element {
  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h2">
        Settings
      </Typography>
      <Section id="settings-general-title" title="General">
        <GeneralSettingsSection />
      </Section>
      <Section id="settings-engine-title" title="Docker engine">
        <DockerContextsSection />
      </Section>
      <Section id="settings-wsl-title" title="WSL">
        <WslConfigEditor />
      </Section>
    </Stack>
  );
}
