import { useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import type { AppNotification } from '../../../../shared/model/notification';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';
import { useNotifications } from './useNotifications';

/** Keeps the unread count for screen readers without showing it twice. */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

function timeOf(notification: AppNotification): string {
  return new Date(notification.createdAt).toLocaleString();
}

/** The open panel: the list (newest first, unread in bold), an empty state, and Mark all read / Clear. */
function NotificationsPanel({ headingId }: { headingId: string }): React.JSX.Element {
  const { list, error, loading, refetch } = useNotifications();
  const [actionError, setActionError] = useState<string | null>(null);
  const run = (work: Promise<unknown>): void => {
    setActionError(null);
    work.catch((failure: unknown) => setActionError(describeIpcError(toIpcError(failure))));
  };
  const items = list?.items ?? [];
  return (
    <Box sx={{ width: 380, maxWidth: '90vw' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, py: 1 }}>
        <Typography id={headingId} variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
          Notifications
        </Typography>
        <Button size="small" disabled={(list?.unread ?? 0) === 0} onClick={() => run(invoke('notifications:mark-read', {}))}>
          Mark all read
        </Button>
        <Button size="small" color="inherit" disabled={items.length === 0} onClick={() => run(invoke('notifications:clear', {}))}>
          Clear
        </Button>
      </Stack>
      <Divider />
      {actionError !== null && (
        <Alert severity="error" sx={{ m: 1 }}>
          {actionError}
        </Alert>
      )}
      {list === undefined && error !== undefined && (
        <Alert
          severity="error"
          sx={{ m: 1 }}
          action={
            <Button color="inherit" size="small" onClick={refetch}>
              Retry
            </Button>
          }
        >
          Could not load the notifications: {describeIpcError(error)}
        </Alert>
      )}
      {list === undefined && error === undefined && loading && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', p: 2 }}>
          <CircularProgress size={16} aria-hidden />
          <Typography variant="body2">Loading notifications…</Typography>
        </Stack>
      )}
      {list !== undefined && items.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
          No notifications. Containers that fail, an engine that stops and a VM short of memory show up here.
        </Typography>
      )}
      {items.length > 0 && (
        <List dense aria-labelledby={headingId} sx={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.map((item) => (
            <ListItem key={item.id} divider aria-label={`${item.read ? '' : 'Unread: '}${item.title}`}>
              <ListItemText
                primary={item.title}
                secondary={`${item.body} · ${timeOf(item)}`}
                slotProps={{ primary: { sx: { fontWeight: item.read ? 400 : 700 } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

/**
 * The app bar's bell: named "Notifications", the unread count on a badge beside the button (outside it, so the
 * button's name matches its content), opening the list with Mark all read and Clear.
 */
export function NotificationsBell(): React.JSX.Element {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { list } = useNotifications();
  const unread = list?.unread ?? 0;
  const headingId = useId();
  const countId = useId();
  const panelId = useId();
  return (
    <>
      <Badge badgeContent={unread} color="error" max={99} overlap="circular" data-testid="notifications-badge">
        <Tooltip title={unread === 0 ? 'Notifications' : `Notifications (${unread} unread)`}>
          <IconButton
            color="inherit"
            aria-label="Notifications"
            aria-describedby={countId}
            aria-haspopup="dialog"
            aria-expanded={anchor !== null}
            aria-controls={anchor === null ? undefined : panelId}
            onClick={(event) => setAnchor(event.currentTarget)}
          >
            <NotificationsOutlined />
          </IconButton>
        </Tooltip>
      </Badge>
      <Box component="span" id={countId} sx={visuallyHidden}>
        {unread === 1 ? '1 unread' : `${unread} unread`}
      </Box>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { id: panelId, role: 'dialog', 'aria-labelledby': headingId } }}
      >
        <NotificationsPanel headingId={headingId} />
      </Popover>
    </>
  );
}
