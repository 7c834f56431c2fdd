import type { ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../../shared/model/engine';
import { ServiceError } from '../../errors';
import { withEvents } from './container-rules';
import type { SimulatedContainer, SimulatedEngineState, SimulatedImage } from './engine-state';

const isUp = (c: SimulatedContainer): boolean => c.state === 'running' || c.state === 'paused';
const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
const withLatest = (ref: string): string => (/:[^/]+$/.test(ref) || ref.includes('@') ? ref : `${ref}:latest`);

/** `docker images`: newest first, with how many containers use each (counted in one pass over the containers). */
export function imageRows(state: SimulatedEngineState): ImageSummary[] {
  const users = new Map<string, number>();
  for (const container of state.containers) users.set(container.imageId, (users.get(container.imageId) ?? 0) + 1);
  return [...state.images]
    .sort((a, b) => b.created - a.created)
    .map((image) => ({
      id: image.id,
      tags: image.tags,
      sizeBytes: image.sizeBytes,
      created: image.created,
      containers: users.get(image.id) ?? 0,
      dangling: image.tags.length === 0,
    }));
}

/** An image by tag (`:latest` when none) or by a unique id prefix, as `docker rmi` finds it. */
export function findImage(state: SimulatedEngineState, ref: string): { image: SimulatedImage; tag: string | null } | undefined {
  const tag = withLatest(ref);
  const byTag = state.images.find((i) => i.tags.includes(tag));
  if (byTag) return { image: byTag, tag };
  const hex = ref.replace(/^sha256:/, '');
  const byId = /^[0-9a-f]{1,64}$/.test(hex) ? state.images.filter((i) => i.id.slice('sha256:'.length).startsWith(hex)) : [];
  return byId.length === 1 && byId[0] ? { image: byId[0], tag: null } : undefined;
}

/** `docker rmi`: untags when other tags remain; refuses images running containers use, and stopped ones without force. */
export function removeImage(state: SimulatedEngineState, ref: string, force: boolean, now: number): SimulatedEngineState {
  const found = findImage(state, ref);
  if (!found) throw new ServiceError('NOT_FOUND', `No such image: ${ref}`);
  const { image, tag } = found;
  if (tag !== null && image.tags.length > 1) {
    const images = state.images.map((i) => (i.id === image.id ? { ...i, tags: i.tags.filter((t) => t !== tag) } : i));
    return withEvents({ ...state, images }, now, [{ type: 'image', action: 'untag', id: image.id }]);
  }
  const users = state.containers.filter((c) => c.imageId === image.id);
  const running = users.find(isUp);
  if (running) {
    throw new ServiceError('CONFLICT', `conflict: unable to delete ${short(image.id)} (cannot be forced) - image is being used by running container ${short(running.id)}`);
  }
  const stopped = users[0];
  if (stopped && !force) {
    throw new ServiceError('CONFLICT', `conflict: unable to delete ${short(image.id)} (must be forced) - image is being used by stopped container ${short(stopped.id)}`);
  }
  const events = [...image.tags.map(() => ({ type: 'image', action: 'untag', id: image.id })), { type: 'image', action: 'delete', id: image.id }];
  return withEvents({ ...state, images: state.images.filter((i) => i.id !== image.id) }, now, events);
}

/** `docker image prune`: dangling images no container uses. */
export function pruneImages(state: SimulatedEngineState, now: number): { state: SimulatedEngineState; result: PruneResult } {
  const doomed = state.images.filter((i) => i.tags.length === 0 && !state.containers.some((c) => c.imageId === i.id));
  const next = withEvents(
    { ...state, images: state.images.filter((i) => !doomed.includes(i)) },
    now,
    doomed.map((i) => ({ type: 'image', action: 'delete', id: i.id })),
  );
  return { state: next, result: { deleted: doomed.map((i) => i.id), reclaimedBytes: doomed.reduce((sum, i) => sum + i.sizeBytes, 0) } };
}

const volumeUsers = (state: SimulatedEngineState, name: string): SimulatedContainer[] =>
  state.containers.filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === name));

/** `docker volume ls`, with the names of the containers (any state) that mount each volume. */
export function volumeRows(state: SimulatedEngineState): VolumeSummary[] {
  return state.volumes.map((v) => ({
    name: v.name,
    driver: v.driver,
    mountpoint: `/var/lib/docker/volumes/${v.name}/_data`,
    createdAt: v.createdAt,
    labels: v.labels,
    inUseBy: volumeUsers(state, v.name).map((c) => c.name),
  }));
}

/** `docker volume rm`: a volume any container mounts is in use even with force; force ignores unknown names. */
export function removeVolume(state: SimulatedEngineState, name: string, force: boolean, now: number): SimulatedEngineState {
  if (!state.volumes.some((v) => v.name === name)) {
    if (force) return state;
    throw new ServiceError('NOT_FOUND', `get ${name}: no such volume`);
  }
  const users = volumeUsers(state, name);
  if (users.length > 0) throw new ServiceError('CONFLICT', `remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
  return withEvents({ ...state, volumes: state.volumes.filter((v) => v.name !== name) }, now, [{ type: 'volume', action: 'destroy', id: name }]);
}

/** `docker volume prune` as Engine API 1.41 does it: every local volume no container mounts. */
export function pruneVolumes(state: SimulatedEngineState, now: number): { state: SimulatedEngineState; result: PruneResult } {
  const doomed = state.volumes.filter((v) => volumeUsers(state, v.name).length === 0);
  const next = withEvents(
    { ...state, volumes: state.volumes.filter((v) => !doomed.includes(v)) },
    now,
    doomed.map((v) => ({ type: 'volume', action: 'destroy', id: v.name })),
  );
  return { state: next, result: { deleted: doomed.map((v) => v.name), reclaimedBytes: doomed.reduce((sum, v) => sum + v.sizeBytes, 0) } };
}

/** `docker network ls`, counting the running containers attached to each network. */
export function networkRows(state: SimulatedEngineState): NetworkSummary[] {
  return state.networks.map((n) => ({
    id: n.id,
    name: n.name,
    driver: n.driver,
    scope: n.scope,
    subnet: n.subnet,
    gateway: n.gateway,
    containers: state.containers.filter((c) => {
      if (!isUp(c)) return false;
      if (c.network.mode === 'attached') return c.network.attachments.some((a) => a.network === n.name);
      return c.network.mode === n.name;
    }).length,
  }));
}
