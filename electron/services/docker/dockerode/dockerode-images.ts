import type Docker from 'dockerode';
import type { ContainerSummary } from '../../../../shared/model/container';
import type { ImageDetail, ImageLayer } from '../../../../shared/model/image-detail';
import { ServiceError } from '../../errors';
import { splitReference } from '../../images/image-reference';
import { readProgressStream } from '../../images/progress-stream';
import type { BuildOptions, ProgressMessage, RegistryAuth } from '../container-engine';
import { endpointOf } from './dockerode-streams';
import { imageSegment } from './engine-paths';
import { mapEngineError } from './map-engine-error';

/** Deadline of inspect, history and tag. */
const QUICK_MS = 15_000;
/** Layers and list entries (env, ports, volumes, tags) kept from an image's answer at most. */
const LIST_MAX = 1_000;
/** Longest string kept from an image's answer. */
const TEXT_MAX = 16 * 1024;

/** What the engine answers for `/images/{name}/json` and `/history`, every field unknown until checked. */
type Untrusted = Record<string, unknown>;

function object(value: unknown): Untrusted {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Untrusted) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, TEXT_MAX) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, LIST_MAX).map((v) => v.slice(0, TEXT_MAX)) : [];
}

function keys(value: unknown): string[] {
  return Object.keys(object(value)).slice(0, LIST_MAX).map((k) => k.slice(0, TEXT_MAX));
}

function nonNegativeInt(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(Math.floor(value), Number.MAX_SAFE_INTEGER) : 0;
}

function seconds(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(-8.64e12, Math.min(8.64e12, Math.floor(value)));
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
  }
  return 0;
}

function nullableList(value: unknown): string[] | null {
  return Array.isArray(value) ? strings(value) : null;
}

function emptyToNull(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

/** One `/history` row as a layer; `<missing>` ids become null. */
function mapLayer(raw: unknown): ImageLayer {
  const row = object(raw);
  const id = str(row['Id']);
  return {
    id: id === null || id === '' || id === '<missing>' ? null : id,
    createdBy: str(row['CreatedBy']) ?? '',
    sizeBytes: nonNegativeInt(row['Size']),
    created: seconds(row['Created']),
    tags: strings(row['Tags']).filter((t) => t !== '<none>:<none>'),
    comment: str(row['Comment']) ?? '',
  };
}

/** An image's inspect and history answers as ImageDetail, every field checked and clamped; `usedBy` from the container list. */
export function mapImageDetail(inspect: unknown, history: unknown, containers: ContainerSummary[]): ImageDetail {
  const raw = object(inspect);
  const id = str(raw['Id']) ?? '';
  const config = object(raw['Config']);
  const tags = strings(raw['RepoTags']).filter((t) => t !== '<none>:<none>');
  const usedBy = containers.filter((c) => c.imageId === id).map((c) => ({ id: c.id, name: c.name, state: c.state }));
  return {
    id,
    tags,
    sizeBytes: nonNegativeInt(raw['Size']),
    created: seconds(raw['Created']),
    containers: usedBy.length,
    dangling: tags.length === 0,
    digests: strings(raw['RepoDigests']),
    architecture: emptyToNull(str(raw['Architecture'])),
    os: emptyToNull(str(raw['Os'])),
    config: {
      cmd: nullableList(config['Cmd']),
      entrypoint: nullableList(config['Entrypoint']),
      env: strings(config['Env']),
      exposedPorts: keys(config['ExposedPorts']),
      workingDir: emptyToNull(str(config['WorkingDir'])),
      user: emptyToNull(str(config['User'])),
      volumes: keys(config['Volumes']),
    },
    layers: (Array.isArray(history) ? history.slice(0, LIST_MAX) : []).map(mapLayer),
    usedBy,
  };
}

async function quick<T>(endpoint: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await run(AbortSignal.timeout(QUICK_MS));
  } catch (error) {
    throw mapEngineError(error, endpoint, QUICK_MS);
  }
}

/** The dockerode calls this module makes, with the options dockerode accepts (abortSignal, authconfig) but its types omit. */
interface ImageCalls {
  inspect(options: { abortSignal: AbortSignal }): Promise<unknown>;
  tag(options: { repo: string; tag: string; abortSignal: AbortSignal }): Promise<unknown>;
  push(options: { tag: string; authconfig: RegistryAuth; abortSignal: AbortSignal }): Promise<unknown>;
}
interface EngineCalls {
  createImage(auth: RegistryAuth, query: Record<string, unknown>): Promise<unknown>;
  createImage(query: Record<string, unknown>): Promise<unknown>;
  buildImage(context: NodeJS.ReadableStream, query: Record<string, unknown>): Promise<unknown>;
}

function imageCalls(docker: Docker, ref: string): ImageCalls {
  return docker.getImage(imageSegment(ref)) as unknown as ImageCalls;
}

function engineCalls(docker: Docker): EngineCalls {
  return docker as unknown as EngineCalls;
}

/** `GET /images/{name}/history` with an abort signal (dockerode's `history` takes none). */
function imageHistory(docker: Docker, ref: string, signal: AbortSignal): Promise<unknown> {
  const dial = { path: `/images/${imageSegment(ref)}/history`, method: 'GET', abortSignal: signal, statusCodes: { 200: true, 404: 'no such image', 500: 'server error' } };
  return new Promise((resolve, reject) => {
    docker.modem.dial(dial as unknown as Parameters<Docker['modem']['dial']>[0], (error: unknown, data: unknown) => (error ? reject(error) : resolve(data)));
  });
}

/** An image in full: `GET /images/{name}/json` and `/history`, the containers using it from `containers`. */
export async function inspectImage(docker: Docker, ref: string, containers: ContainerSummary[]): Promise<ImageDetail> {
  const image = imageCalls(docker, ref);
  const endpoint = endpointOf(docker);
  const [inspect, history] = await Promise.all([
    quick(endpoint, (signal) => image.inspect({ abortSignal: signal })),
    quick(endpoint, (signal) => imageHistory(docker, ref, signal)),
  ]);
  return mapImageDetail(inspect, history, containers);
}

/** `docker tag source target`: the target's repository and tag split after the last ':' that follows the last '/' ("latest" when none). */
export async function tagImage(docker: Docker, source: string, target: string): Promise<void> {
  imageSegment(target);
  const { repository, tag, digest } = splitReference(target);
  if (digest !== null) throw new ServiceError('VALIDATION', `A tag cannot carry a digest: ${target}`);
  const endpoint = endpointOf(docker);
  await quick(endpoint, (signal) => imageCalls(docker, source).tag({ repo: repository, tag: tag ?? 'latest', abortSignal: signal }));
}

/** The stream of a streaming dockerode call, with its failure mapped to a ServiceError (and an abort to "Cancelled."). */
async function openStream(endpoint: string, signal: AbortSignal, open: () => Promise<unknown>): Promise<NodeJS.ReadableStream> {
  try {
    return (await open()) as NodeJS.ReadableStream;
  } catch (error) {
    if (signal.aborted) throw new ServiceError('TIMEOUT', 'Cancelled.');
    throw mapEngineError(error, endpoint);
  }
}

/** `POST /images/create?fromImage=…&tag=…` with X-Registry-Auth when given; the JSON progress stream goes to `onMessage`. */
export async function pullImage(
  docker: Docker,
  reference: string,
  auth: RegistryAuth | null,
  onMessage: (m: ProgressMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  imageSegment(reference);
  const { repository, tag, digest } = splitReference(reference);
  const query = { fromImage: repository, tag: digest ?? tag ?? 'latest', abortSignal: signal };
  const endpoint = endpointOf(docker);
  const stream = await openStream(endpoint, signal, () =>
    auth === null ? engineCalls(docker).createImage(query) : engineCalls(docker).createImage(auth, query),
  );
  await readProgressStream(stream, onMessage, signal);
}

/** `POST /images/{name}/push?tag=…` with X-Registry-Auth when given (an empty auth otherwise, which the engine requires). */
export async function pushImage(
  docker: Docker,
  reference: string,
  auth: RegistryAuth | null,
  onMessage: (m: ProgressMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  imageSegment(reference);
  const { repository, tag, digest } = splitReference(reference);
  if (digest !== null) throw new ServiceError('VALIDATION', `Push a tag, not a digest: ${reference}`);
  const endpoint = endpointOf(docker);
  const authconfig = auth ?? { serveraddress: '' };
  const stream = await openStream(endpoint, signal, () =>
    imageCalls(docker, repository).push({ tag: tag ?? 'latest', authconfig, abortSignal: signal }),
  );
  await readProgressStream(stream, onMessage, signal);
}

/**
 * `POST /build` with the context tar, `t`, `dockerfile`, `buildargs`, `nocache`, `pull`, and `rm` and `forcerm`
 * so a failed or cancelled build leaves no intermediate container; X-Registry-Config carries `auths` for FROM pulls.
 * A context stream that fails (too large, unreadable) aborts the request and rejects with its error.
 */
export async function buildImage(
  docker: Docker,
  context: NodeJS.ReadableStream,
  build: BuildOptions,
  auths: RegistryAuth[],
  onMessage: (m: ProgressMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  if (build.tag !== null) imageSegment(build.tag);
  const endpoint = endpointOf(docker);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const failed: { context: Error | null } = { context: null };
  const onContextError = (error: Error): void => {
    failed.context ??= error;
    controller.abort();
  };
  context.on('error', onContextError);
  const registryconfig = Object.fromEntries(auths.map((auth) => [auth.serveraddress, auth]));
  const query = {
    ...(build.tag === null ? {} : { t: build.tag }),
    dockerfile: build.dockerfile,
    buildargs: build.buildArgs,
    nocache: build.noCache,
    pull: build.pull,
    rm: true,
    forcerm: true,
    ...(auths.length > 0 ? { registryconfig } : {}),
    abortSignal: controller.signal,
  };
  try {
    if (signal.aborted) throw new ServiceError('TIMEOUT', 'Cancelled.');
    const stream = await openStream(endpoint, controller.signal, () => engineCalls(docker).buildImage(context, query));
    await readProgressStream(stream, onMessage, controller.signal);
  } catch (error) {
    const contextError = failed.context;
    if (contextError !== null) throw contextError instanceof ServiceError ? contextError : new ServiceError('INTERNAL', `The build context could not be read: ${contextError.message}`);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
