import { useState } from 'react';
import FolderOpen from '@mui/icons-material/FolderOpen';
import { lazyPart } from '../../components/lazy-part';
import { PlainButton } from '../../components/PlainButton';

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
      <PlainButton variant="outlined" startIcon={<FolderOpen />} onClick={() => setOpen(true)} disabled={disabled} aria-haspopup="dialog">
        Open a compose file…
      </PlainButton>
      {open && <OpenComposeFileDialog onClose={() => setOpen(false)} />}
    </>
  );
}
