import { useState } from 'react';
import Button from '@mui/material/Button';
import FolderOpen from '@mui/icons-material/FolderOpen';
import { lazyPart } from '../../components/lazy-part';

const OpenComposeFileDialog = lazyPart(() => import('./OpenComposeFileDialog').then((m) => m.OpenComposeFileDialog));

/** Props of the toolbar button: disabled (with why) when no Compose CLI is available. */
export interface OpenComposeFileButtonProps {
  disabled?: boolean;
}

/** The Containers page's "Open a compose file…" button and its dialog (whose code loads on the first press). */
export function OpenComposeFileButton({ disabled = false }: OpenComposeFileButtonProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<FolderOpen />} onClick={() => setOpen(true)} disabled={disabled} aria-haspopup="dialog">
        Open a compose file…
      </Button>
      {open && <OpenComposeFileDialog onClose={() => setOpen(false)} />}
    </>
  );
}
