import { useId } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { MoveAdvice } from '../../../../shared/model/files';
import { CopyCommandsButton } from './CopyCommandsButton';

/** How to move one directory off the Windows drive: the sentence, the exact commands in a monospace block, and Copy commands. */
export function MoveAdviceBlock({ advice }: { advice: MoveAdvice }): React.JSX.Element {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
      <Typography id={headingId} variant="subtitle2" component="h4" sx={{ overflowWrap: 'anywhere' }}>
        How to move {advice.path}
      </Typography>
      <Typography variant="body2">{advice.text}</Typography>
      <Box
        component="pre"
        aria-label={`Commands to move ${advice.path}`}
        sx={{
          m: 0,
          p: 1.5,
          borderRadius: 1,
          bgcolor: 'action.hover',
          border: 1,
          borderColor: 'divider',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
          fontSize: '0.8125rem',
          overflowX: 'auto',
          whiteSpace: 'pre',
        }}
      >
        {advice.commands.join('\n')}
      </Box>
      <CopyCommandsButton path={advice.path} commands={advice.commands} />
    </Box>
  );
}
