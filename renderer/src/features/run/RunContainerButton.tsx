import { useState } from 'react';
import PlayArrow from '@mui/icons-material/PlayArrow';
import Button, { type ButtonProps } from '@mui/material/Button';
import { lazyPart } from '../../components/lazy-part';

// The dialog (its form, docker's grammars and their schemas) loads on the first press, not with the page.
const RunContainerDialog = lazyPart(() => import('./RunContainerDialog').then((m) => m.RunContainerDialog));

/** Props of the button: the image the dialog starts from (an image row's), and the button's look. */
export interface RunContainerButtonProps {
  image?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}

/**
 * Opens the run dialog. Without an image it reads "Run a container…"; with one (on an image's row) it reads "Run…"
 * and is named "Run a container from <image>", so each row's button has its own name.
 */
export function RunContainerButton({ image, variant = 'contained', size = 'medium' }: RunContainerButtonProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        size={size}
        startIcon={<PlayArrow />}
        onClick={() => setOpen(true)}
        aria-label={image === undefined ? undefined : `Run a container from ${image}`}
        aria-haspopup="dialog"
      >
        {image === undefined ? 'Run a container…' : 'Run…'}
      </Button>
      {open && <RunContainerDialog initialImage={image} onClose={() => setOpen(false)} />}
    </>
  );
}
