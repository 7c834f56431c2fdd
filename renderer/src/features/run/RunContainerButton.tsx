import { useState } from 'react';
import PlayArrow from '@mui/icons-material/PlayArrow';
import { lazyPart } from '../../components/lazy-part';
import { PlainButton } from '../../components/PlainButton';

// The dialog (its form, docker's grammars and their schemas) loads on the first press, not with the page.
const RunContainerDialog = lazyPart(() => import('./RunContainerDialog').then((m) => m.RunContainerDialog));

/** Props of the button: the image the dialog starts from (an image's page), if any. */
export interface RunContainerButtonProps {
  image?: string;
}

/**
 * Opens the run dialog (a contained button, plain for the Containers page's first paint). Without an image it reads
 * "Run a container…"; with one it reads "Run…" and is named "Run a container from <image>".
 */
export function RunContainerButton({ image }: RunContainerButtonProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <>
      <PlainButton
        variant="contained"
        startIcon={<PlayArrow />}
        onClick={() => setOpen(true)}
        aria-label={image === undefined ? undefined : `Run a container from ${image}`}
        aria-haspopup="dialog"
      >
        {image === undefined ? 'Run a container…' : 'Run…'}
      </PlainButton>
      {open && <RunContainerDialog initialImage={image} onClose={() => setOpen(false)} />}
    </>
  );
}
