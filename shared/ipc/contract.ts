import { z } from 'zod';
import { Distro, DistroName } from '../model/distro';
import { HostInfo, HostStatus } from '../model/host';
import { VmSummary } from '../model/vm';
import type { EventChannelName, InvokeChannelName } from './channels';

const Empty = z.object({}).strict();
const ByDistroName = z.object({ name: DistroName }).strict();

/** Request and response schema of every renderer → host channel. */
export const invokeContract = {
  'app:info': { request: Empty, response: HostInfo },
  'app:status': { request: Empty, response: HostStatus },
  'distros:list': { request: Empty, response: z.array(Distro) },
  'distros:start': { request: ByDistroName, response: Distro },
  'distros:terminate': { request: ByDistroName, response: Distro },
  'distros:set-default': { request: ByDistroName, response: Distro },
  'wsl:shutdown': { request: Empty, response: VmSummary },
} as const satisfies Record<InvokeChannelName, { request: z.ZodType; response: z.ZodType }>;

/** Payload schema of every host → renderer push. */
export const eventContract = {
  'distros:changed': z.array(Distro),
  'vm:changed': VmSummary,
} as const satisfies Record<EventChannelName, z.ZodType>;

/** A request channel. */
export type InvokeChannel = keyof typeof invokeContract;
/** The validated request type of a channel. */
export type InvokeRequest<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>;
/** The response type of a channel. */
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;
/** A push channel. */
export type EventChannel = keyof typeof eventContract;
/** The payload type of a push channel. */
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>;
