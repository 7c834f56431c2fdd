import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import { useConnectionState } from '../ipc/useConnectionState';

/** A live status chip shown only while the link to the host is being (re)established; empty otherwise. */
export function ConnectionIndicator(): React.JSX.Element {
  const { state } = useConnectionState();
  return (
    <div role="status" aria-live="polite">
      {state !== 'open' && (
        <Chip
          size="small"
          color="default"
          sx={{ bgcolor: 'background.paper' }}
          icon={<CircularProgress size={14} aria-hidden />}
          label={state === 'reconnecting' ? 'Reconnecting…' : 'Connecting…'}
        />
      )}
    </div>
  );
}
