import { useEffect } from 'react';
import { invoke } from '../../ipc/ipc-client';

/**
 * Once per app start, asks the host whether the setup wizard should open by itself (first run with something to do,
 * a check that passed and now fails, or a restart to resume after) and opens it through `open`. A host that cannot
 * answer changes nothing.
 */
export function useSetupAttention(currentPage: string, open: () => void): void {
  useEffect(() => {
    let live = true;
    invoke('setup:checks', {}).then(
      (report) => {
        if (live && report.attention !== null && currentPage !== 'setup') open();
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Asked once at start-up (the page it opened on): later navigation must not bring the wizard back.
  }, []);
}
