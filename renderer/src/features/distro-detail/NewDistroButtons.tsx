import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Add from '@mui/icons-material/Add';
import FileUpload from '@mui/icons-material/FileUpload';
import { useState } from 'react';
import { hrefFor } from '../../navigation/route';
import { lazyPart } from '../../components/lazy-part';
import { useNewDistro, type NewDistroRequest } from './useNewDistro';
import { LazySnackbar } from '../../components/LazySnackbar';

// The dialogs (their form fields and the name and path checks) load on first use, so the Distros page paints without them.
const ImportDistroDialog = lazyPart(() => import('./ImportDistroDialog').then((m) => m.ImportDistroDialog));
const InstallDistroDialog = lazyPart(() => import('./InstallDistroDialog').then((m) => m.InstallDistroDialog));
// The operations panel shows only while long work runs or has just finished: its progress bars load as the page mounts.
const OperationsPanel = lazyPart(() => import('../operations/OperationsPanel').then((m) => m.OperationsPanel));

/**
 * "Install distro" and "Import distro" for the Distros page, their dialogs, a success note linking to the new
 * distro, and the floating list of running operations.
 */
export function NewDistroButtons({ installed }: { installed: readonly string[] }): React.JSX.Element {
  const model = useNewDistro();
  const [dialog, setDialog] = useState<'install' | 'import' | null>(null);
  const open = (next: 'install' | 'import'): void => {
    model.clear();
    setDialog(next);
  };
  const run = (request: NewDistroRequest): void => {
    void model.run(request).then((ok) => {
      if (ok) setDialog(null);
    });
  };
  const close = (): void => setDialog(null);
  return (
    <>
      <Button variant="outlined" startIcon={<FileUpload />} onClick={() => open('import')}>
        Import distro
      </Button>
      <Button variant="contained" startIcon={<Add />} onClick={() => open('install')}>
        Install distro
      </Button>
      {dialog === 'install' && (
        <InstallDistroDialog
          installed={installed}
          running={model.running === 'install'}
          error={model.error}
          onClose={close}
          onInstall={(name) => run({ kind: 'install', request: { name } })}
        />
      )}
      {dialog === 'import' && (
        <ImportDistroDialog
          installed={installed}
          running={model.running === 'import'}
          error={model.error}
          onClose={close}
          onImport={(request) => run({ kind: 'import', request })}
        />
      )}
      <LazySnackbar open={model.added !== undefined && dialog === null} autoHideDuration={8000} onClose={(_event, reason) => reason !== 'clickaway' && model.clear()}>
        <Alert severity="success" variant="filled" onClose={model.clear} sx={{ width: '100%' }}>
          {model.added} is installed.{' '}
          <Link href={hrefFor('distro', model.added)} color="inherit">
            Open {model.added}
          </Link>
        </Alert>
      </LazySnackbar>
      <OperationsPanel />
    </>
  );
}
