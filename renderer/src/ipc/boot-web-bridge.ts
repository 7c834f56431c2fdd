import { installWebBridge } from './install-web-bridge';

// Imported first by main.tsx. ES modules run in import order, so in the browser host the socket is created before
// React, MUI and the shell evaluate, and its handshake runs meanwhile: the first requests go out as soon as that code
// has run instead of after it. In the desktop app the preload has already set window.lightdock.
if (window.lightdock === undefined) installWebBridge();
