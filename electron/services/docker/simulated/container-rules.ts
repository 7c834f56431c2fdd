import type { ContainerAction } from '../../../../shared/model/container';
import { ServiceError } from '../../errors';
import { EVENT_HISTORY, RUN_HISTORY, type SimulatedContainer, type SimulatedEngineState } from './engine-state';
import { programProfile } from './program-profiles';

const KILLED = 137;

/** Finds a container the way the engine does: full id, then name (with or without "/"), then a unique id prefix. */
export function findContainer(state: SimulatedEngineState, ref: string): SimulatedContainer | undefined {
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const exact = state.containers.find((c) => c.id === ref) ?? state.containers.find((c) => c.name === name);
  if (exact) return exact;
  const matches = state.containers.filter((c) => c.id.startsWith(ref));
  if (matches.length > 1) throw new ServiceError('VALIDATION', `multiple IDs found with provided prefix: ${ref}`);
  return matches[0];
}

/** Like `findContainer`, but an unknown reference is NOT_FOUND with Docker's message. */
export function requireContainer(state: SimulatedEngineState, ref: string): SimulatedContainer {
  const container = findContainer(state, ref);
  if (!container) throw new ServiceError('NOT_FOUND', `No such container: ${ref}`);
  return container;
}

/** Appends events stamped with `now`, keeping the most recent ones. */
export function withEvents(state: SimulatedEngineState, now: number, events: { type: string; action: string; id: string }[]): SimulatedEngineState {
  if (events.length === 0) return state;
  const time = Math.floor(now / 1000);
  const added = events.map((e, i) => ({ ...e, time, seq: state.nextSeq + i }));
  return { ...state, events: [...state.events, ...added].slice(-EVENT_HISTORY), nextSeq: state.nextSeq + added.length };
}

const replace = (state: SimulatedEngineState, next: SimulatedContainer): SimulatedEngineState => ({
  ...state,
  containers: state.containers.map((c) => (c.id === next.id ? next : c)),
});

const isUp = (c: SimulatedContainer): boolean => c.state === 'running' || c.state === 'paused';
/** Two published addresses collide when they are the same or either is every address (as the kernel's bind sees it). */
const sameHostIp = (a: string | null, b: string | null): boolean => a === b || [a, b].some((ip) => ip === null || ip === '0.0.0.0' || ip === '::');
const notRunning = (c: SimulatedContainer): ServiceError => new ServiceError('CONFLICT', `Container ${c.id} is not running`);

/** Starts a run: new host pids and namespace inodes, after Docker's checks for shared namespaces and ports. */
function start(state: SimulatedEngineState, c: SimulatedContainer, now: number): SimulatedEngineState {
  const net = c.network;
  if (net.mode === 'container') {
    const owner = state.containers.find((o) => o.id === net.container);
    if (!owner || !isUp(owner)) {
      throw new ServiceError('CONFLICT', `cannot join network of a non running container: ${owner?.id ?? 'unknown'}`);
    }
  }
  for (const port of c.ports) {
    const taken = state.containers.find(
      (o) => o.id !== c.id && isUp(o) && o.ports.some((p) => p.publicPort !== null && p.publicPort === port.publicPort && p.type === port.type && sameHostIp(p.ip, port.ip)),
    );
    if (taken && port.publicPort !== null) {
      throw new ServiceError(
        'CONFLICT',
        `driver failed programming external connectivity on endpoint ${c.name}: Bind for ${port.ip ?? '0.0.0.0'}:${port.publicPort} failed: port is already allocated`,
      );
    }
  }
  const run = { start: now, end: null, exitCode: null, pauses: [], hostPid: state.nextHostPid, inodeBase: state.nextInode };
  const next: SimulatedContainer = { ...c, state: 'running', exitCode: 0, runs: [...c.runs, run].slice(-RUN_HISTORY) };
  return { ...replace(state, next), nextHostPid: state.nextHostPid + 40 + (state.nextSeq % 17), nextInode: state.nextInode + 8 };
}

/** Ends the current run with an exit code. */
function end(state: SimulatedEngineState, c: SimulatedContainer, now: number, exitCode: number): SimulatedEngineState {
  const runs = c.runs.map((run, i) =>
    i === c.runs.length - 1 ? { ...run, end: now, exitCode, pauses: run.pauses.map((p) => ({ ...p, to: p.to ?? now })) } : run,
  );
  return replace(state, { ...c, state: 'exited', exitCode, runs });
}

/** Marks the current run paused or resumed. */
function setPaused(state: SimulatedEngineState, c: SimulatedContainer, now: number, paused: boolean): SimulatedEngineState {
  const runs = c.runs.map((run, i) => {
    if (i !== c.runs.length - 1) return run;
    const pauses = paused ? [...run.pauses, { from: now, to: null }] : run.pauses.map((p) => ({ ...p, to: p.to ?? now }));
    return { ...run, pauses };
  });
  return replace(state, { ...c, state: paused ? 'paused' : 'running', runs });
}

/**
 * Applies one lifecycle action with Docker's rules: starting a running container or stopping a stopped one is
 * a no-op, pausing or killing a stopped one is a CONFLICT, removing a running one needs force.
 */
export function applyAction(
  state: SimulatedEngineState,
  ref: string,
  action: ContainerAction,
  options: { force?: boolean; removeVolumes?: boolean },
  now: number,
): SimulatedEngineState {
  const c = requireContainer(state, ref);
  const stopCode = programProfile(c.program, c.startLines).stopExitCode;
  const ev = (...actions: string[]) => actions.map((a) => ({ type: 'container', action: a, id: c.id }));
  switch (action) {
    case 'start':
      if (c.state === 'running') return state;
      if (c.state === 'paused') throw new ServiceError('CONFLICT', 'cannot start a paused container, try unpause instead');
      return withEvents(start(state, c, now), now, ev('start'));
    case 'stop':
      if (!isUp(c)) return state;
      return withEvents(end(state, c, now, stopCode), now, ev('kill', 'die', 'stop'));
    case 'restart': {
      const stopped = isUp(c) ? withEvents(end(state, c, now, stopCode), now, ev('kill', 'die', 'stop')) : state;
      return withEvents(start(stopped, requireContainer(stopped, c.id), now), now, ev('start', 'restart'));
    }
    case 'kill':
      if (!isUp(c)) throw notRunning(c);
      return withEvents(end(state, c, now, KILLED), now, ev('kill', 'die'));
    case 'pause':
      if (c.state === 'paused') throw new ServiceError('CONFLICT', `Container ${c.id} is already paused`);
      if (c.state !== 'running') throw notRunning(c);
      return withEvents(setPaused(state, c, now, true), now, ev('pause'));
    case 'unpause':
      if (c.state !== 'paused') throw new ServiceError('CONFLICT', `Container ${c.id} is not paused`);
      return withEvents(setPaused(state, c, now, false), now, ev('unpause'));
    case 'remove':
      return removeContainer(state, c, options, now);
  }
}

/** `docker rm`: refuses a running container without force; with `removeVolumes`, drops its anonymous volumes. */
function removeContainer(state: SimulatedEngineState, c: SimulatedContainer, options: { force?: boolean; removeVolumes?: boolean }, now: number): SimulatedEngineState {
  if (isUp(c) && !options.force) {
    throw new ServiceError('CONFLICT', `You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`);
  }
  const killed = isUp(c) ? withEvents(end(state, c, now, KILLED), now, [{ type: 'container', action: 'kill', id: c.id }, { type: 'container', action: 'die', id: c.id }]) : state;
  const anonymous = options.removeVolumes
    ? c.mounts.filter((m) => m.type === 'volume' && /^[0-9a-f]{64}$/.test(m.source)).map((m) => m.source)
    : [];
  const rest: SimulatedEngineState = {
    ...killed,
    containers: killed.containers.filter((o) => o.id !== c.id),
    volumes: killed.volumes.filter((v) => !anonymous.includes(v.name)),
  };
  return withEvents(rest, now, [
    { type: 'container', action: 'destroy', id: c.id },
    ...anonymous.map((name) => ({ type: 'volume', action: 'destroy', id: name })),
  ]);
}
