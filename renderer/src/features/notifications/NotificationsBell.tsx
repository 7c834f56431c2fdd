import { useId, useState } from 'react';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import { LazyTooltip } from '../../components/LazyTooltip';
import { lazyPart } from '../../components/lazy-part';
import { useNotifications } from './useNotifications';

const NotificationsPopover = lazyPart(() => import('./NotificationsPopover').then((m) => m.NotificationsPopover));

/** Loads the bell's panel code ahead of the first press (the app does it once idle). */
export const preloadNotificationsPanel = NotificationsPopover.preload;

/** Keeps the unread count for screen readers without showing it twice. */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * The app bar's bell: named "Notifications", the unread count on a badge beside the button (outside it, so the
 * button's name matches its content), opening the list with Mark all read and Clear (whose code loads on the first press).
 */
export function NotificationsBell(): React.JSX.Element {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [used, setUsed] = useState(false);
  const { list } = useNotifications();
  const unread = list?.unread ?? 0;
  const headingId = useId();
  const countId = useId();
  const panelId = useId();
  return (
    <>
      <Badge badgeContent={unread} color="error" max={99} overlap="circular" data-testid="notifications-badge">
        <LazyTooltip title={unread === 0 ? 'Notifications' : `Notifications (${unread} unread)`}>
          <IconButton
            color="inherit"
            aria-label="Notifications"
            aria-describedby={countId}
            aria-haspopup="dialog"
            aria-expanded={anchor !== null}
            aria-controls={anchor === null ? undefined : panelId}
            onClick={(event) => {
              setAnchor(event.currentTarget);
              setUsed(true);
            }}
          >
            <NotificationsOutlined />
          </IconButton>
        </LazyTooltip>
      </Badge>
      <Box component="span" id={countId} sx={visuallyHidden}>
        {unread === 1 ? '1 unread' : `${unread} unread`}
      </Box>
      {used && <NotificationsPopover anchor={anchor} onClose={() => setAnchor(null)} panelId={panelId} headingId={headingId} />}
    </>
  );
}
