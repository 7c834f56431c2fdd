import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { copyText } from '../container-detail/copy-text';

/** A "Copy commands" button (named `Copy commands to move <path>`) that puts the commands, one a line, on the clipboard and says whether it worked. */
export function CopyCommandsButton({ path, commands }: { path: string; commands: readonly string[] }): React.JSX.Element {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async (): Promise<void> => {
    const copied = await copyText(commands.join('\n'));
    setOutcome(copied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOutcome('idle'), 2000);
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Button size="small" variant="outlined" startIcon={<ContentCopy />} onClick={() => void onClick()} aria-label={`Copy commands to move ${path}`}>
        Copy commands
      </Button>
      <Typography component="span" variant="body2" role="status" color={outcome === 'failed' ? 'error' : 'text.secondary'}>
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed: select the commands and copy them by hand.' : ''}
      </Typography>
    </Box>
  );
}
