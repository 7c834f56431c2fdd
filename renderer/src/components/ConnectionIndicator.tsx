import { useEffect, useState } from 'react';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import { useConnectionState } from '../ipc/useConnectionState';

/** How long the first connect may take before "Connecting…" shows, in ms: a local host answers well within it. */
export const FIRST_CONNECT_GRACE_MS = 1_000;

/**
 * A live status chip shown while the link to the host is down ("Reconnecting…", at once) or while the first connect
 * takes longer than FIRST_CONNECT_GRACE_MS ("Connecting…"); empty otherwise, so a quick start flashes no chip and the
 * first render draws none.
 */
export function ConnectionIndicator(): React.JSX.Element {
  const { state } = useConnectionState();
  const [slowConnect, setSlowConnect] = useState(false);
  useEffect(() => {
    if (state !== 'connecting') return undefined;
    const timer = setTimeout(() => setSlowConnect(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const shown = state === 'reconnecting' || (state === 'connecting' && slowConnect);
  return (
    <div role="status" aria-live="polite">
      {shown && (
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
