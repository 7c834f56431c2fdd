import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { ComposeCli } from '../../../../shared/model/compose';

/** Says that no Compose CLI was found and how to get one; renders nothing while unknown or when one exists. */
export function ComposeCliAlert({ cli }: { cli: ComposeCli | undefined }): React.JSX.Element | null {
  if (cli === undefined || cli.available) return null;
  return (
    <Alert severity="info">
      <AlertTitle>No Docker Compose found</AlertTitle>
      Compose projects cannot be brought up or down from here until it is installed. {cli.hint}
    </Alert>
  );
}
