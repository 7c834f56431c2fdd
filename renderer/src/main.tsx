import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installWebBridge } from './ipc/install-web-bridge';
import { parseHash } from './navigation/route';
import { DEFAULT_PAGE, preloadPageOf } from './pages/page-registry';

if (window.lightdock === undefined) installWebBridge();
// The page the window opens on loads alongside the first render rather than after it.
preloadPageOf(parseHash(window.location.hash, DEFAULT_PAGE).page);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
