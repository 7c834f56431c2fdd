import { useCallback, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import BoltOutlined from '@mui/icons-material/BoltOutlined';
import { LazyTooltip } from '../../components/LazyTooltip';
import { lazyPart } from '../../components/lazy-part';

const QuickActionsParts = lazyPart(() => import('./QuickActionsParts').then((m) => m.QuickActionsParts));

/** Loads the menu's code ahead of the first press (the app does it once idle). */
export const preloadQuickActionsMenu = QuickActionsParts.preload;

/**
 * The app bar's "Quick actions" button: the same menu as the system tray (one model, `buildQuickActionsMenu`), with
 * nested submenus, disabled items that say why in a tooltip, and a failed action reported in one sentence. The menu's
 * code loads on the first click (it is not on screen before).
 */
export function QuickActionsButton(): React.JSX.Element {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [used, setUsed] = useState(false);
  const close = useCallback(() => setAnchor(null), []);
  return (
    <>
      <LazyTooltip title="Quick actions">
        <IconButton
          color="inherit"
          aria-label="Quick actions"
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
          aria-controls={anchor === null ? undefined : 'quick-actions-menu'}
          onClick={(event) => {
            setAnchor(event.currentTarget);
            setUsed(true);
          }}
        >
          <BoltOutlined />
        </IconButton>
      </LazyTooltip>
      {used && <QuickActionsParts anchor={anchor} onClose={close} error={error} onError={setError} />}
    </>
  );
}
