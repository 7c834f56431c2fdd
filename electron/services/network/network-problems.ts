import type { ContainerSummary } from '../../../shared/model/container';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import type { NetworkProblem, PublishedPort } from '../../../shared/model/network-map';
import type { VmInfo } from '../../../shared/model/vm';
import { DOCKER_DESKTOP_DISTRO } from '../placement/engine-placement';
import type { ConfiguredBinding } from './configured-bindings';
import { isLoopback, isWildcard } from './port-urls';

/** The model's bound on problems. */
const MAX_PROBLEMS = 500;
const MAX_SUBJECTS = 100;

/** What the problems are found in. */
export interface ProblemFacts {
  placement: EnginePlacement;
  vm: VmInfo | null;
  containers: readonly ContainerSummary[];
  /** Host ports held by running containers and asked for by the others. */
  bindings: readonly ConfiguredBinding[];
  /** Containers whose last start failed because a host port was taken, with the engine's words. */
  failedStarts: readonly { containerId: string; containerName: string; error: string }[];
  /** Bindings of stopped containers that something else already answers on, on 127.0.0.1. */
  taken: readonly ConfiguredBinding[];
  ports: readonly PublishedPort[];
}

/** The known limits of mirrored networking, from WSL's documentation. */
export const MIRRORED_LIMITS =
  'WSL runs in mirrored networking mode: Windows and the VM share the host\'s addresses and one port space, so a port a Windows program holds cannot be published. ' +
  'localhostForwarding is ignored; reaching Windows at its own LAN address from the VM needs hostAddressLoopback=true ([experimental]); ports in ignoredPorts are not mirrored; ' +
  'the Hyper-V firewall filters inbound connections; it needs Windows 11 22H2 or later, else WSL falls back to NAT.';

const overlaps = (a: string | null, b: string | null): boolean => isWildcard(a) || isWildcard(b) || a === b;
const subjects = (ids: readonly string[]): string[] => [...new Set(ids)].slice(0, MAX_SUBJECTS);
const list = (names: readonly string[]): string => (names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`);

function conflicts(bindings: readonly ConfiguredBinding[]): NetworkProblem[] {
  const groups = new Map<string, ConfiguredBinding[]>();
  for (const binding of bindings) {
    const key = `${binding.hostPort}/${binding.protocol}`;
    groups.set(key, [...(groups.get(key) ?? []), binding]);
  }
  const out: NetworkProblem[] = [];
  for (const [key, group] of groups) {
    const clashing = group.filter((b) => group.some((o) => o.containerId !== b.containerId && overlaps(o.hostIp, b.hostIp)));
    const containers = [...new Map(clashing.map((b) => [b.containerId, b])).values()];
    if (containers.length < 2) continue;
    const holder = containers.find((b) => b.running);
    const names = containers.map((b) => b.containerName).sort();
    const now = holder === undefined ? 'none of them runs now' : `${holder.containerName} has it now`;
    out.push({
      id: `port-conflict:${key}`,
      kind: 'port-conflict',
      severity: 'warning',
      message: `${list(names)} ${names.length === 2 ? 'both' : 'all'} ask for host port ${key}; only one can have it at a time (${now}).`,
      subjects: subjects(containers.map((b) => b.containerId)),
    });
  }
  return out;
}

function taken(facts: ProblemFacts): NetworkProblem[] {
  const failed = facts.failedStarts.map(
    (f): NetworkProblem => ({
      id: `port-taken:${f.containerId}`,
      kind: 'port-taken',
      severity: 'error',
      message: `${f.containerName} could not start: a host port it asks for is already taken (the engine said: ${f.error.slice(0, 300)}).`,
      subjects: [f.containerId],
    }),
  );
  const failedIds = new Set(facts.failedStarts.map((f) => f.containerId));
  const probed = facts.taken
    .filter((b) => !failedIds.has(b.containerId))
    .map(
      (b): NetworkProblem => ({
        id: `port-taken:${b.containerId}:${b.hostPort}/${b.protocol}`,
        kind: 'port-taken',
        severity: 'warning',
        message: `Host port ${b.hostPort} that ${b.containerName} asks for is already taken by another process on this machine; ${b.containerName} will fail to start until it is freed.`,
        subjects: [b.containerId],
      }),
    );
  return [...failed, ...probed];
}

function wsl(facts: ProblemFacts): NetworkProblem[] {
  const { vm, placement } = facts;
  if (vm === null) return [];
  const out: NetworkProblem[] = [];
  const inVm = placement.kind === 'wsl-distro';
  if (inVm && vm.state !== 'Running') {
    out.push({ id: 'vm-stopped', kind: 'vm-stopped', severity: 'warning', message: `The WSL VM is ${vm.state.toLowerCase()}: it has no address now, so nothing in it can be reached from Windows until a distro starts.`, subjects: [] });
  }
  if (vm.network.mode === 'nat' && !vm.network.localhostForwarding && !(inVm && placement.distro === DOCKER_DESKTOP_DISTRO)) {
    const inVmPorts = inVm ? facts.ports : [];
    const loopbackOnly = inVmPorts.filter((p) => isLoopback(p.hostIp)).map((p) => p.id);
    const where = vm.network.vmIp === null ? "the VM's address" : `the VM's address (${vm.network.vmIp}), which can change when the VM restarts`;
    out.push({
      id: 'localhost-forwarding-off',
      kind: 'localhost-forwarding-off',
      severity: inVmPorts.length > 0 ? 'warning' : 'info',
      message:
        `localhostForwarding is off in .wslconfig: Windows reaches ports published in the VM not at localhost but only at ${where}.` +
        (loopbackOnly.length > 0 ? ` ${loopbackOnly.length} port(s) bound to 127.0.0.1 inside the VM cannot be reached from Windows at all.` : ''),
      subjects: subjects(loopbackOnly.length > 0 ? loopbackOnly : inVmPorts.map((p) => p.id)),
    });
  }
  if (vm.network.mode === 'mirrored') out.push({ id: 'mirrored-limits', kind: 'mirrored-limits', severity: 'info', message: MIRRORED_LIMITS, subjects: [] });
  return out;
}

function networkNone(containers: readonly ContainerSummary[]): NetworkProblem[] {
  return containers
    .filter((c) => c.networks.some((n) => n.name === 'none'))
    .map((c) => ({
      id: `network-none:${c.id}`,
      kind: 'network-none' as const,
      severity: 'info' as const,
      message: `${c.name} runs with --network none: it has no network, so nothing can reach it and it publishes no port.`,
      subjects: [c.id],
    }));
}

/**
 * The network's problems named plainly: no engine; the VM stopped; localhost forwarding off; mirrored mode's
 * limits; two containers asking for one host port; a host port taken by another process; `--network none`.
 */
export function networkProblems(facts: ProblemFacts): NetworkProblem[] {
  const engine: NetworkProblem[] =
    facts.placement.kind === 'none' ? [{ id: 'engine-unreachable', kind: 'engine-unreachable', severity: 'error', message: facts.placement.description, subjects: [] }] : [];
  return [...engine, ...wsl(facts), ...conflicts(facts.bindings), ...taken(facts), ...networkNone(facts.containers)].slice(0, MAX_PROBLEMS);
}
