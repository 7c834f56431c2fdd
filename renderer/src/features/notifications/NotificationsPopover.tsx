import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AppNotification } from '../../../../shared/model/notification';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';
import { useNotifications } from './useNotifications';

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

/** Props of the open panel: the bell it hangs from (null while closed) and the ids that name it. */
export interface NotificationsPopoverProps {
  anchor: HTMLElement | null;
  onClose: () => void;
  panelId: string;
  headingId: string;
}

/** The bell's popover, in its own chunk (it is not on screen until the bell is pressed): a dialog named by its heading. */
export function NotificationsPopover({ anchor, onClose, panelId, headingId }: NotificationsPopoverProps): React.JSX.Element {
  return (
    <Popover
      open={anchor !== null}
      anchorEl={anchor}
      onClose={onClose}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      slotProps={{ paper: { id: panelId, role: 'dialog', 'aria-labelledby': headingId } }}
    >
      <NotificationsPanel headingId={headingId} />
    </Popover>
  );
}
