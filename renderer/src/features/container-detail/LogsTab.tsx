import { useDeferredValue, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { describeIpcError } from '../../ipc/ipc-error';
import { CopyButton } from './CopyButton';
import { LogViewport } from './LogViewport';
import { MAX_LOG_LINES, useLogStream } from './useLogStream';

/** Props of the logs tab: which container, and its name for labels. */
export interface LogsTabProps {
  id: string;
  name: string;
}

/**
 * The logs tab: follows the container's log while shown, with a search box ("Search logs") that filters lines, a
 * "Follow" switch that keeps the newest line in view, a "Timestamps" switch, "Copy logs" for the lines shown, and
 * notes for dropped lines, TTY logs, the start and a failure.
 */
export function LogsTab({ id, name }: LogsTabProps): React.JSX.Element {
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(true);
  const [search, setSearch] = useState('');
  const stream = useLogStream(id, timestamps);
  const query = useDeferredValue(search.trim().toLowerCase());
  const shown = useMemo(
    () => (query === '' ? stream.lines : stream.lines.filter((line) => line.text.toLowerCase().includes(query))),
    [stream.lines, query],
  );
  const asText = (): string => shown.map((line) => (timestamps && line.timestamp !== null ? `${line.timestamp} ${line.text}` : line.text)).join('\n');

  return (
    <Stack spacing={1.5}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <TextField size="small" type="search" label="Search logs" value={search} onChange={(event) => setSearch(event.target.value)} sx={{ minWidth: 240 }} />
        <FormControlLabel control={<Switch checked={follow} onChange={(event) => setFollow(event.target.checked)} />} label="Follow" />
        <FormControlLabel
          control={<Switch checked={timestamps} onChange={(event) => setTimestamps(event.target.checked)} />}
          label="Timestamps"
        />
        <CopyButton label="Copy logs" text={asText} disabled={shown.length === 0} />
        <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }} role="status">
          {query === '' ? `${stream.lines.length} lines` : `${shown.length} of ${stream.lines.length} lines match`}
        </Typography>
      </Box>
      {stream.state === 'starting' && <LinearProgress aria-label={`Opening the log of ${name}…`} />}
      {stream.error !== undefined && <Alert severity="error">Could not follow the log: {describeIpcError(stream.error)}</Alert>}
      {stream.droppedLines > 0 && (
        <Alert severity="info">
          {stream.droppedLines} older lines are not shown (this view keeps the last {MAX_LOG_LINES}, and skips lines when they
          come faster than it can draw). The engine still has them: <code>docker logs {name}</code>.
        </Alert>
      )}
      {stream.tty === true && (
        <Typography variant="body2" color="text.secondary">
          This container has a TTY: its output and errors arrive as one stream.
        </Typography>
      )}
      {stream.state === 'following' && stream.lines.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 2 }}>
          No output yet. New lines appear here as the container writes them.
        </Typography>
      ) : (
        <LogViewport label={`Log of ${name}`} lines={shown} showTimestamps={timestamps} follow={follow} onScrolledAway={() => setFollow(false)} />
      )}
    </Stack>
  );
}
