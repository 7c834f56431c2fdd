/** The states the engine reports for a container, in the order filters list them; zero dependencies (no zod), so the renderer's first page can list them. */
export const CONTAINER_STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
