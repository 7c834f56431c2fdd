import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { WslConfigSetting, WslConfigView } from '../../../../shared/model/wslconfig';
import { describeIpcError } from '../../ipc/ipc-error';
import { useWslConfig, type WslConfigModel } from './useWslConfig';
import { WslSettingField } from './WslSettingField';
import { RetryAlert } from '../../components/RetryAlert';

const SECTION_TEXT: Record<string, string> = {
  wsl2: 'The utility VM',
  general: 'General',
  experimental: 'Experimental',
};

function bySection(settings: readonly WslConfigSetting[]): [string, WslConfigSetting[]][] {
  const sections = new Map<string, WslConfigSetting[]>();
  for (const setting of settings) sections.set(setting.section, [...(sections.get(setting.section) ?? []), setting]);
  return [...sections];
}

function RestartBanner({ model }: { model: WslConfigModel }): React.JSX.Element | null {
  if (!model.restartNeeded && model.restartError === undefined) return null;
  return (
    <Alert
      severity={model.restartError === undefined ? 'warning' : 'error'}
      action={
        <Button
          color="inherit"
          size="small"
          disabled={model.restarting}
          startIcon={model.restarting ? <CircularProgress size={14} color="inherit" aria-hidden /> : undefined}
          onClick={() => void model.restart()}
        >
          {model.restarting ? 'Restarting…' : 'Restart WSL now'}
        </Button>
      }
    >
      <AlertTitle>Restart needed</AlertTitle>
      {model.restartError === undefined
        ? 'The running VM does not use these settings yet. Restarting WSL stops every running distro, then boots the VM with the new settings.'
        : `WSL did not restart: ${describeIpcError(model.restartError)}`}
    </Alert>
  );
}

function Issues({ view }: { view: WslConfigView }): React.JSX.Element | null {
  if (view.issues.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>WSL warns about this file</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {view.issues.map((issue) => (
          <li key={`${issue.line} ${issue.message}`}>
            Line {issue.line}: {issue.message}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * The `.wslconfig` editor: the file's path and warnings, the restart banner with "Restart WSL now", and one
 * validated row per known setting grouped by section; loading and error states included.
 */
export function WslConfigEditor(): React.JSX.Element {
  const model = useWslConfig();
  const { view, loadError, refetch } = model;
  if (view === undefined) {
    if (loadError === undefined) {
      return (
        <Stack role="status" aria-label="Loading .wslconfig" spacing={1}>
          <Skeleton variant="rounded" height={56} />
          <Skeleton variant="rounded" height={56} />
          <Skeleton variant="rounded" height={56} />
        </Stack>
      );
    }
    return (
      <RetryAlert onRetry={refetch}>
        Could not read .wslconfig: {describeIpcError(loadError)}
      </RetryAlert>
    );
  }
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {view.exists ? 'Editing ' : 'No file yet; saving a setting creates '}
        <code>{view.path}</code>. Comments, order and keys Lightdock does not know are kept. Most settings apply when the VM next boots.
      </Typography>
      <RestartBanner model={model} />
      <Issues view={view} />
      {bySection(view.settings).map(([section, settings]) => (
        <Card variant="outlined" component="section" key={section} aria-labelledby={`wslconfig-section-${section}`}>
          <CardContent>
            <Typography id={`wslconfig-section-${section}`} variant="h6" component="h4">
              {SECTION_TEXT[section] ?? section} <Typography component="span" color="text.secondary">[{section}]</Typography>
            </Typography>
            {settings.map((setting, index) => (
              <Box key={setting.key}>
                {index > 0 && <Divider />}
                <WslSettingField
                  setting={setting}
                  saving={model.saving.has(setting.key)}
                  error={model.errors.get(setting.key)}
                  onSave={(key, value) => void model.save(key, value)}
                />
              </Box>
            ))}
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}
