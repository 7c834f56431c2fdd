import { memo, useEffect, useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import { AppShell, SHELL_PART_LOADS } from './components/AppShell';
import { useEngineStatus } from './features/engine/useEngineStatus';
import { useVisibilitySignal } from './features/engine/useVisibilitySignal';
import { useGeneralSettings } from './features/settings-general/useGeneralSettings';
import { useSetupAttention } from './features/setup/useSetupAttention';
import { signalReady } from './ipc/ipc-client';
import { navigate } from './navigation/route';
import { useRoute } from './navigation/useRoute';
import { DEFAULT_PAGE, PAGES, pageOf, prefetchPageData, preloadPages } from './pages/page-registry';
import { PageWarmUp } from './pages/PageWarmUp';
import { whenAnsweredAndIdle } from './components/when-idle';
import { createLightdockTheme } from './theme';

const NAV_ITEMS = PAGES.filter((page) => page.inNav);
/** The pages rendered once, hidden, after the preloads: those with a list, the ones a switch would otherwise wait on most. */
const WARMED_PAGES = PAGES.filter((page) => page.prefetchData !== undefined);
// Built once, so a page switch does not render the baseline styles again; `navigate` keeps its identity for the same reason.
const BASELINE = <CssBaseline />;

/** Fetches the list pages' lists once the engine is connected and the browser idle; renders nothing. */
function PageDataPrefetch(): null {
  const engineState = useEngineStatus().status?.state;
  useEffect(() => {
    if (engineState !== 'connected') return undefined;
    return whenAnsweredAndIdle(prefetchPageData);
  }, [engineState]);
  return null;
}

/**
 * The shell and the page the hash names, and the hidden warm-up once `preloaded`. It holds the route, so a page
 * switch renders it and not the theme above it (whose providers would otherwise reach every styled component); it is
 * memoized, so the App rendering again with the same theme (the settings arriving) does not render the page again.
 */
const RoutedShell = memo(function RoutedShell({ preloaded }: { preloaded: boolean }): React.JSX.Element {
  const route = useRoute(DEFAULT_PAGE);
  const entry = pageOf(route.page);
  const Page = entry.component;
  useSetupAttention(route.page, () => navigate('setup'));
  return (
    <>
      <AppShell items={NAV_ITEMS} selected={entry.id} onSelect={navigate}>
        <Page key={`${entry.id}/${route.param ?? ''}`} param={route.param} />
      </AppShell>
      <PageWarmUp pages={WARMED_PAGES} shown={entry.id} start={preloaded} />
    </>
  );
});

/**
 * The root component: theme from Settings → General (system follows the OS colour scheme), the shell, and the page the hash names.
 * It signals `ready` from its own effect, which React runs after every child effect, i.e. after all subscriptions,
 * and, once the engine is connected and the browser idle, fetches the lists of the Containers, Distros and Images
 * pages, so switching to one renders from memory.
 * Once idle it preloads the other pages' code and the shell's off-screen parts, then renders the list pages once,
 * hidden (`PageWarmUp`); unmounting stops that (no load starts after it).
 */
export function App(): React.JSX.Element {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const themeSetting = useGeneralSettings().settings?.theme ?? 'system';
  const mode = themeSetting === 'system' ? (prefersDark ? 'dark' : 'light') : themeSetting;
  const theme = useMemo(() => createLightdockTheme(mode), [mode]);

  useVisibilitySignal();
  useEffect(() => signalReady(), []);
  const [preloaded, setPreloaded] = useState(false);
  useEffect(() => {
    const preloading = new AbortController();
    const cancelIdle = whenAnsweredAndIdle(
      () =>
        void preloadPages(preloading.signal, SHELL_PART_LOADS).then(() => {
          if (!preloading.signal.aborted) setPreloaded(true);
        }),
    );
    return () => {
      cancelIdle();
      preloading.abort();
    };
  }, []);

  return (
    <ThemeProvider theme={theme}>
      {BASELINE}
      <PageDataPrefetch />
      <RoutedShell preloaded={preloaded} />
    </ThemeProvider>
  );
}
