import type { ContainerState } from '../../../shared/model/container';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import type { PortReachability, PublishedPort } from '../../../shared/model/network-map';
import type { VmNetwork } from '../../../shared/model/vm';
import { DOCKER_DESKTOP_DISTRO } from '../placement/engine-placement';
import { CHECK_ADDRESS, type ProbeOutcome } from './port-reachability';
import { isLoopback, isWildcard } from './port-urls';

/** What a check needs besides the port: where the engine runs, the VM's network, the time and the 127.0.0.1 probe. */
export interface CheckContext {
  placement: EnginePlacement;
  vm: VmNetwork | null;
  now: () => number;
  probe: (port: number) => Promise<ProbeOutcome>;
}

/** The container behind a port: its state and, on the simulated engine, the container ports its program listens on. */
export interface PortOwner {
  state: ContainerState;
  /** The modelled listeners (simulated engine only), else null. */
  listensOn: readonly number[] | null;
}

/** The sentence for a published port whose engine proxy drops every connection. */
export function nothingListensMessage(port: Pick<PublishedPort, 'publicPort' | 'privatePort'>): string {
  return `Port ${port.publicPort} is published, but nothing listens on container port ${port.privatePort}: the engine's proxy accepts the connection and drops it at once.`;
}

const forwardingOff = (context: CheckContext): boolean =>
  context.placement.kind === 'wsl-distro' && context.placement.distro !== DOCKER_DESKTOP_DISTRO && context.vm?.mode === 'nat' && !context.vm.localhostForwarding;

/** Why a port cannot be checked on 127.0.0.1, or null when it can. */
function uncheckable(port: PublishedPort, context: CheckContext, at: number): PortReachability | null {
  const modelled = context.placement.simulated;
  if (port.protocol !== 'tcp') {
    return { state: 'unsupported', modelled, message: `${port.protocol.toUpperCase()} port ${port.publicPort}: a connect cannot tell whether something answers.`, checkedAt: at };
  }
  if (context.placement.kind === 'remote') {
    return { state: 'not-local', modelled, message: `The engine runs on another machine; Lightdock checks ${CHECK_ADDRESS} only.`, checkedAt: at };
  }
  if (!isWildcard(port.hostIp) && !(isLoopback(port.hostIp) && port.hostIp !== '::1' && port.hostIp !== '[::1]')) {
    return { state: 'not-local', modelled, message: `Port ${port.publicPort} is bound to ${port.hostIp ?? ''} only; Lightdock checks ${CHECK_ADDRESS} only.`, checkedAt: at };
  }
  return null;
}

function modelledCheck(port: PublishedPort, owner: PortOwner, context: CheckContext, at: number): PortReachability {
  const where = `${CHECK_ADDRESS}:${port.publicPort}`;
  const result = (state: PortReachability['state'], message: string): PortReachability => ({ state, modelled: true, message: `${message} (modelled)`, checkedAt: at });
  if (owner.state !== 'running' && owner.state !== 'paused') return result('closed', `${port.containerName} is ${owner.state}: nothing accepts connections on ${where}.`);
  if (forwardingOff(context)) return result('closed', `localhostForwarding is off, so ${where} on Windows does not reach the VM.`);
  if (owner.state === 'paused') return result('listening', `The engine accepts on ${where}, but ${port.containerName} is paused and will not answer until it is unpaused.`);
  if ((owner.listensOn ?? []).includes(port.privatePort)) return result('listening', `Something answers on ${where}.`);
  return result('nothing-listening', nothingListensMessage(port));
}

/**
 * Whether something answers at a published port, on 127.0.0.1 only: UDP/SCTP `unsupported`; a remote engine or a
 * port bound to another address `not-local`; on the simulated engine the model's answer (labelled modelled);
 * otherwise the probe's, with the proxy case named "published, but nothing listens on container port N".
 */
export async function checkPublishedPort(port: PublishedPort, owner: PortOwner, context: CheckContext): Promise<PortReachability> {
  const at = context.now();
  const refused = uncheckable(port, context, at);
  if (refused !== null) return refused;
  if (context.placement.simulated) return modelledCheck(port, owner, context, at);
  const outcome = await context.probe(port.publicPort);
  const checkedAt = context.now();
  switch (outcome.state) {
    case 'listening':
      return { state: 'listening', modelled: false, message: outcome.message, checkedAt };
    case 'nothing-listening':
      return { state: 'nothing-listening', modelled: false, message: nothingListensMessage(port), checkedAt };
    case 'closed':
      return {
        state: 'closed',
        modelled: false,
        message: forwardingOff(context) ? `${outcome.message} localhostForwarding is off, so ${CHECK_ADDRESS} does not reach the VM.` : outcome.message,
        checkedAt,
      };
  }
}
