import { useEffect, useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import { AppShell, type NavItem } from './components/AppShell';
import { signalReady } from './ipc/ipc-client';
import { DistrosPage } from './pages/DistrosPage';
import { createLightdockTheme } from './theme';

type PageId = 'distros';

const NAV_ITEMS: readonly NavItem<PageId>[] = [{ id: 'distros', label: 'Distros', icon: <DnsOutlined /> }];

const PAGES: Record<PageId, () => React.JSX.Element> = { distros: DistrosPage };

/**
 * The root component: theme that follows the OS colour scheme, the shell, and the selected page.
 * It signals `ready` from its own effect, which React runs after every child effect, i.e. after all subscriptions.
 */
export function App(): React.JSX.Element {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const theme = useMemo(() => createLightdockTheme(prefersDark ? 'dark' : 'light'), [prefersDark]);
  const [page, setPage] = useState<PageId>('distros');
  const Page = PAGES[page];

  useEffect(() => signalReady(), []);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AppShell items={NAV_ITEMS} selected={page} onSelect={setPage}>
        <Page />
      </AppShell>
    </ThemeProvider>
  );
}
