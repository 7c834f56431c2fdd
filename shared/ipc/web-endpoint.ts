/** The browser host's endpoint names; zero dependencies, so the renderer's first bundle can import them without zod. */

/** Path of the browser host's WebSocket endpoint. */
export const WEB_IPC_PATH = '/ipc';
/** Query parameter that carries the browser host's per-run token (page URL and WebSocket URL; never a cookie). */
export const WEB_TOKEN_PARAM = 'token';
