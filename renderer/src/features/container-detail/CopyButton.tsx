import { useState } from 'react';
import Button from '@mui/material/Button';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { copyText } from './copy-text';

/** A button named `label` that copies `text()` and says "Copied" (or "Copy failed") for two seconds. */
export function CopyButton({ label, text, disabled }: { label: string; text: () => string; disabled?: boolean }): React.JSX.Element {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async (): Promise<void> => {
    setOutcome((await copyText(text())) ? 'copied' : 'failed');
    setTimeout(() => setOutcome('idle'), 2000);
  };
  return (
    <Button size="small" variant="outlined" startIcon={<ContentCopy />} disabled={disabled} onClick={() => void onClick()} aria-label={label}>
      <span aria-live="polite">{outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </Button>
  );
}
