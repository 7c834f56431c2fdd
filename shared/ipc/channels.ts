/** Every renderer → host request channel; zero dependencies so the sandboxed preload can bundle it. */
export const INVOKE_CHANNELS = [
  'app:info',
  'app:status',
  'distros:list',
  'distros:start',
  'distros:terminate',
  'distros:set-default',
  'wsl:shutdown',
] as const;

/** Every host → renderer push channel. */
export const EVENT_CHANNELS = ['distros:changed', 'vm:changed'] as const;

/** The one fire-and-forget signal a renderer sends: it has subscribed and is ready for pushes. */
export const RENDERER_READY_CHANNEL = 'app:renderer-ready';

/** Name of a request channel. */
export type InvokeChannelName = (typeof INVOKE_CHANNELS)[number];
/** Name of a push channel. */
export type EventChannelName = (typeof EVENT_CHANNELS)[number];
