import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LoadingRows } from '../components/LoadingRows';
import { RetryAlert } from '../components/RetryAlert';
import { SetupWizard } from '../features/setup/SetupWizard';
import { useSetup } from '../features/setup/useSetup';
import { describeIpcError } from '../ipc/ipc-error';

/** The Setup page (`#/setup`): the onboarding wizard, opened on first run, by the tray's "Check setup…" and from the navigation. */
export function SetupPage(): React.JSX.Element {
  const setup = useSetup();
  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <div>
        <Typography variant="h5" component="h2">
          Set up WSL 2 and Docker
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Lightdock checks this machine in order and offers a fix for each check that fails.
        </Typography>
      </div>
      {setup.report === undefined && setup.loadError === undefined && <LoadingRows what="the setup checks" />}
      {setup.report === undefined && setup.loadError !== undefined && (
        <RetryAlert onRetry={setup.recheck}>The setup checks could not be run: {describeIpcError(setup.loadError)}</RetryAlert>
      )}
      {setup.report !== undefined && <SetupWizard setup={setup} />}
    </Stack>
  );
}
