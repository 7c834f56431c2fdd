import './ipc/boot-web-bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchEngineStatus } from './features/engine/useEngineStatus';
import { parseHash } from './navigation/route';
import { DEFAULT_PAGE, preloadPageOf } from './pages/page-registry';

// The page the window opens on loads alongside the first render rather than after it, and the engine status its
// gate and the app bar wait for goes out with the page's list, in the first frames the socket sends.
preloadPageOf(parseHash(window.location.hash, DEFAULT_PAGE).page);
prefetchEngineStatus();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
