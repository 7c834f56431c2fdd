/** Every renderer → host request channel; zero dependencies so the sandboxed preload can bundle it. */
export const INVOKE_CHANNELS = [
  'app:info',
  'app:status',
  'app:visibility',
  'distros:list',
  'distros:show',
  'distros:start',
  'distros:terminate',
  'distros:set-default',
  'distros:list-online',
  'distros:install',
  'distros:export',
  'distros:import',
  'distros:unregister',
  'distros:compact',
  'distros:set-sparse',
  'distros:set-version',
  'wsl:shutdown',
  'vm:info',
  'vm:restart',
  'wslconfig:get',
  'wslconfig:set',
  'engine:status',
  'engine:contexts',
  'engine:use-context',
  'engine:lifecycle',
  'engine:start',
  'engine:stop',
  'containers:list',
  'containers:inspect',
  'containers:act',
  'containers:stats',
  'images:list',
  'images:remove',
  'images:prune',
  'volumes:list',
  'volumes:remove',
  'volumes:prune',
  'networks:list',
  'logs:follow',
  'logs:stop',
  'stats:watch',
  'stats:stop',
  'exec:open',
  'exec:input',
  'exec:resize',
  'exec:close',
  'setup:checks',
  'setup:fix',
  'setup:cancel',
  'setup:reboot',
] as const;

/** Every host → renderer push channel. */
export const EVENT_CHANNELS = [
  'distros:changed',
  'vm:changed',
  'operations:progressed',
  'engine:status-changed',
  'engine:lifecycle-changed',
  'containers:changed',
  'logs:received',
  'stats:sampled',
  'exec:printed',
  'exec:exited',
] as const;

/** The one fire-and-forget signal a renderer sends: it has subscribed and is ready for pushes. */
export const RENDERER_READY_CHANNEL = 'app:renderer-ready';

/** Name of a request channel. */
export type InvokeChannelName = (typeof INVOKE_CHANNELS)[number];
/** Name of a push channel. */
export type EventChannelName = (typeof EVENT_CHANNELS)[number];
