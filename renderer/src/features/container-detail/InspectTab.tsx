import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CopyButton } from './CopyButton';

/**
 * The inspect tab: the engine's raw inspect JSON, pretty-printed with two spaces in a scrollable, focusable region
 * named "Inspect JSON", and "Copy JSON" to copy it whole.
 */
export function InspectTab({ inspect }: { inspect: unknown }): React.JSX.Element {
  const json = useMemo(() => JSON.stringify(inspect, null, 2) ?? 'null', [inspect]);
  return (
    <Stack spacing={1.5}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          What <code>docker inspect</code> shows, as the engine returned it.
        </Typography>
        <CopyButton label="Copy JSON" text={() => json} />
      </Box>
      <Box
        component="pre"
        role="region"
        aria-label="Inspect JSON"
        tabIndex={0}
        sx={{
          m: 0,
          p: 1.5,
          maxHeight: '65vh',
          overflow: 'auto',
          fontSize: 12.5,
          fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
          bgcolor: (theme) => (theme.palette.mode === 'dark' ? 'grey.900' : 'grey.50'),
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
        }}
      >
        {json}
      </Box>
    </Stack>
  );
}
