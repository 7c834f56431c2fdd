import { createHash } from 'node:crypto';
import tarStream from 'tar-stream';
import type { ImageDetail, ImageLayer } from '../../../../shared/model/image-detail';
import { ServiceError } from '../../errors';
import { splitReference } from '../../images/image-reference';
import type { BuildOptions, ProgressMessage } from '../container-engine';
import { imageSegment } from '../dockerode/engine-paths';
import { withEvents } from './container-rules';
import type { SimulatedEngineState, SimulatedImage } from './engine-state';
import { noise } from './noise';
import type { SimulatedAccess } from './simulated-access';
import { findImage } from './simulated-resources';

/** Between two progress steps of a modelled pull or push: 15 steps make about 1.5 s. */
const STEP_MS = 100;
const STEPS = 15;
/** Between two build steps. */
const BUILD_STEP_MS = 60;
/** Largest Dockerfile the modelled build reads. */
const DOCKERFILE_MAX_BYTES = 1024 * 1024;
/** Longest `RUN sleep` and most `RUN seq` lines the modelled build honours. */
const SLEEP_MAX_S = 120;
const SEQ_MAX_LINES = 100_000;

const withLatest = (ref: string): string => {
  const { tag, digest } = splitReference(ref);
  return tag !== null || digest !== null ? ref : `${ref}:latest`;
};
const hex = (key: string): string => createHash('sha256').update(`lightdock-simulated:${key}`).digest('hex');
const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
const cancelled = (): ServiceError => new ServiceError('TIMEOUT', 'Cancelled.');

function requireImage(state: SimulatedEngineState, ref: string): SimulatedImage {
  imageSegment(ref);
  const found = findImage(state, ref);
  if (found === undefined) throw new ServiceError('NOT_FOUND', `No such image: ${ref}`);
  return found.image;
}

/** The store with `tag` on image `image` only (added when new): other images lose the tag, as the engine moves it. */
function withTaggedImage(state: SimulatedEngineState, image: SimulatedImage, tag: string | null, now: number, action: string): SimulatedEngineState {
  const others = state.images.filter((i) => i.id !== image.id).map((i) => (tag === null ? i : { ...i, tags: i.tags.filter((t) => t !== tag) }));
  const known = state.images.find((i) => i.id === image.id) ?? image;
  const tags = tag === null || known.tags.includes(tag) ? known.tags : [...known.tags, tag];
  return withEvents({ ...state, images: [...others, { ...known, tags }] }, now, [{ type: 'image', action, id: image.id }]);
}

/** The layers of an image, invented from its id and size: 3 to 6 with content and a CMD on top, newest first, sizes adding up to the image's. */
function modelLayers(image: SimulatedImage): ImageLayer[] {
  const count = 3 + Math.floor(noise(image.id, 0) * 4);
  const weights = Array.from({ length: count }, (_, i) => 0.2 + noise(image.id, i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((image.sizeBytes * w) / sum));
  sizes[0] = (sizes[0] ?? 0) + image.sizeBytes - sizes.reduce((a, b) => a + b, 0);
  const commands = [
    `/bin/sh -c #(nop) ADD file:${hex(`${image.id}:base`).slice(0, 64)} in / `,
    '/bin/sh -c apk add --no-cache ca-certificates tzdata',
    '/bin/sh -c addgroup -S app && adduser -S app -G app',
    '/bin/sh -c #(nop) COPY dir:app in /srv/app ',
    '/bin/sh -c chmod -R a+rX /srv/app',
    '/bin/sh -c #(nop) WORKDIR /srv/app',
  ];
  const oldestFirst: ImageLayer[] = sizes.map((size, i) => ({
    id: null,
    createdBy: commands[i] ?? commands[commands.length - 1] ?? '',
    sizeBytes: size,
    created: image.created - (count - i) * 3600,
    tags: [],
    comment: '',
  }));
  oldestFirst.push({ id: null, createdBy: `/bin/sh -c #(nop)  CMD ${JSON.stringify(commandOf(image))}`, sizeBytes: 0, created: image.created, tags: [], comment: '' });
  const newestFirst = oldestFirst.reverse();
  const top = newestFirst[0];
  if (top !== undefined) newestFirst[0] = { ...top, id: image.id, tags: image.tags };
  return newestFirst;
}

function commandOf(image: SimulatedImage): string[] {
  const name = image.tags[0] ?? '';
  if (name.includes('nginx')) return ['nginx', '-g', 'daemon off;'];
  if (name.includes('postgres')) return ['postgres'];
  if (name.includes('redis')) return ['redis-server'];
  return ['/bin/sh'];
}

function portsOf(image: SimulatedImage): string[] {
  const name = image.tags[0] ?? '';
  if (name.includes('nginx')) return ['80/tcp'];
  if (name.includes('postgres')) return ['5432/tcp'];
  if (name.includes('redis')) return ['6379/tcp'];
  return [];
}

/** An image in full on the simulated engine: its config and layers modelled from the image, the containers using it from the store. */
export async function inspectSimulatedImage(engine: SimulatedAccess, ref: string): Promise<ImageDetail> {
  const state = engine.read();
  const image = requireImage(state, ref);
  const usedBy = state.containers.filter((c) => c.imageId === image.id).map((c) => ({ id: c.id, name: c.name, state: c.state }));
  return {
    id: image.id,
    tags: image.tags,
    sizeBytes: image.sizeBytes,
    created: image.created,
    containers: usedBy.length,
    dangling: image.tags.length === 0,
    digests: image.tags.map((tag) => `${splitReference(tag).repository}@sha256:${hex(`digest:${tag}`)}`),
    architecture: 'amd64',
    os: 'linux',
    config: {
      cmd: commandOf(image),
      entrypoint: null,
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      exposedPorts: portsOf(image),
      workingDir: null,
      user: null,
      volumes: [],
    },
    layers: modelLayers(image),
    usedBy,
  };
}

/** `docker tag` on the simulated engine: the tag moves to the source image. */
export async function tagSimulatedImage(engine: SimulatedAccess, source: string, target: string): Promise<void> {
  imageSegment(target);
  if (splitReference(target).digest !== null) throw new ServiceError('VALIDATION', `A tag cannot carry a digest: ${target}`);
  engine.mutate((state) => withTaggedImage(state, requireImage(state, source), withLatest(target), engine.clock.now(), 'tag'));
}

/** Resolves after `ms` via the engine's timers, or rejects "Cancelled." once `signal` aborts. */
function pause(engine: SimulatedAccess, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    engine.later(() => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) reject(cancelled());
      else resolve();
    }, ms);
  });
}

/**
 * A modelled pull or push with 3 to 6 layers progressing over about 1.5 s, as the engine's JSON progress stream
 * reports them; a pull adds (or re-tags) the image when it completes, a push needs the image locally and ends with
 * its digest. An abort rejects "Cancelled." and changes nothing.
 */
export async function transferSimulatedImage(
  engine: SimulatedAccess,
  direction: 'pull' | 'push',
  reference: string,
  onMessage: (m: ProgressMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  imageSegment(reference);
  const ref = withLatest(reference);
  const { repository, tag } = splitReference(ref);
  const local = findImage(engine.read(), ref)?.image;
  if (direction === 'push' && local === undefined) throw new ServiceError('NOT_FOUND', `An image does not exist locally with the tag: ${reference}`);
  const image: SimulatedImage = local ?? {
    id: `sha256:${hex(`pulled:${ref}`)}`,
    tags: [],
    sizeBytes: 2_000_000 + Math.floor(noise(ref, 1) * 60_000_000),
    created: Math.floor(engine.clock.now() / 1000) - 86_400,
  };
  const layers = modelLayers(image)
    .filter((layer) => layer.sizeBytes > 0)
    .map((layer, i) => ({ id: hex(`layer:${image.id}:${i}`).slice(0, 12), total: layer.sizeBytes }));
  const upToDate = direction === 'pull' && local !== undefined;
  onMessage(direction === 'pull' ? { id: tag ?? 'latest', status: `Pulling from ${repository}` } : { status: `The push refers to repository [${repository}]` });
  for (const layer of layers) onMessage({ id: layer.id, status: upToDate ? 'Already exists' : direction === 'pull' ? 'Pulling fs layer' : 'Preparing', progressDetail: {} });
  if (!upToDate) {
    for (let step = 1; step <= STEPS; step++) {
      await pause(engine, STEP_MS, signal);
      for (const [i, layer] of layers.entries()) {
        const start = Math.floor((i * STEPS) / (layers.length * 2));
        const span = Math.max(1, STEPS - start - 2);
        const share = Math.min(1, Math.max(0, (step - start) / span));
        if (share <= 0) continue;
        const current = Math.floor(layer.total * share);
        if (share < 1) {
          onMessage({ id: layer.id, status: direction === 'pull' ? 'Downloading' : 'Pushing', progressDetail: { current, total: layer.total } });
        } else if (step === Math.min(STEPS, start + span)) {
          onMessage({ id: layer.id, status: direction === 'pull' ? 'Pull complete' : 'Pushed', progressDetail: {} });
        }
      }
    }
  }
  if (signal.aborted) throw cancelled();
  const digest = `sha256:${hex(`digest:${ref}`)}`;
  if (direction === 'push') {
    onMessage({ status: `${tag ?? 'latest'}: digest: ${digest} size: ${1_000 + layers.length * 200}` });
    onMessage({ progressDetail: {}, aux: { Tag: tag ?? 'latest', Digest: digest } });
    engine.mutate((state) => withEvents(state, engine.clock.now(), [{ type: 'image', action: 'push', id: image.id }]));
    return;
  }
  onMessage({ status: `Digest: ${digest}` });
  onMessage({ status: upToDate ? `Status: Image is up to date for ${ref}` : `Status: Downloaded newer image for ${ref}` });
  engine.mutate((state) => withTaggedImage(state, image, ref, engine.clock.now(), 'pull'));
}

/** The Dockerfile's content from a context tar (the whole tar is read, so the sender never stalls); VALIDATION when missing or too large. */
function readDockerfile(context: NodeJS.ReadableStream, dockerfile: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const extract = tarStream.extract();
    const wanted = new Set([dockerfile, `./${dockerfile}`]);
    let found: string | null = null;
    let failure: Error | null = null;
    const fail = (error: Error): void => {
      failure ??= error;
      extract.destroy();
      (context as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      reject(error);
    };
    const onAbort = (): void => fail(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    extract.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      const keep = wanted.has(header.name) && header.type === 'file';
      body.on('data', (data: unknown) => {
        if (!keep) return;
        const chunk = data as Buffer;
        bytes += chunk.length;
        if (bytes > DOCKERFILE_MAX_BYTES) fail(new ServiceError('VALIDATION', `${dockerfile} is larger than 1 MiB.`));
        else chunks.push(chunk);
      });
      body.on('error', (error: Error) => fail(error));
      body.on('end', () => {
        if (keep) found = Buffer.concat(chunks).toString('utf8');
        next();
      });
    });
    extract.on('error', (error: Error) => fail(error instanceof ServiceError ? error : new ServiceError('VALIDATION', `The build context is not a readable tar: ${error.message}`)));
    extract.on('finish', () => {
      signal.removeEventListener('abort', onAbort);
      if (failure !== null) return;
      if (found === null) reject(new ServiceError('VALIDATION', `Cannot locate specified Dockerfile: ${dockerfile}`));
      else resolve(found);
    });
    context.on('error', (error: Error) => fail(error instanceof ServiceError ? error : new ServiceError('INTERNAL', `The build context could not be read: ${error.message}`)));
    context.pipe(extract);
  });
}

/** The Dockerfile's instructions, continuation lines joined, comments and blank lines left out. */
function instructions(text: string): string[] {
  const result: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    result.push((pending + line).trim());
    pending = '';
  }
  if (pending.trim() !== '') result.push(pending.trim());
  return result;
}

function substitute(text: string, args: Map<string, string>): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => args.get(name) ?? '');
}

/** What a modelled RUN prints and how long it takes: `echo …`, `seq [a] b`, `sleep n`; anything else prints nothing. */
function runEffect(command: string): { lines: string[]; sleepS: number } {
  const echo = /^echo\s+(.*)$/.exec(command);
  if (echo) return { lines: [(echo[1] ?? '').replace(/^["']|["']$/g, '')], sleepS: 0 };
  const seq = /^seq\s+(?:(\d+)\s+)?(\d+)$/.exec(command);
  if (seq) {
    const from = Number(seq[1] ?? '1');
    const to = Math.min(Number(seq[2]), from + SEQ_MAX_LINES - 1);
    return { lines: Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => String(from + i)), sleepS: 0 };
  }
  const sleep = /^sleep\s+(\d+(?:\.\d+)?)$/.exec(command);
  if (sleep) return { lines: [], sleepS: Math.min(SLEEP_MAX_S, Number(sleep[1])) };
  return { lines: [], sleepS: 0 };
}

/**
 * A modelled build: reads the Dockerfile from the context tar, refuses a FROM image the store lacks (as the engine
 * does when it cannot pull it), prints "Step N/M : …" with each RUN's modelled output, and adds the image with its
 * tag. An abort rejects "Cancelled." and adds nothing.
 */
export async function buildSimulatedImage(
  engine: SimulatedAccess,
  context: NodeJS.ReadableStream,
  options: BuildOptions,
  onMessage: (m: ProgressMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  if (options.tag !== null) imageSegment(options.tag);
  const text = await readDockerfile(context, options.dockerfile, signal);
  const steps = instructions(text);
  const first = steps[0] ?? '';
  if (!/^FROM\s/i.test(first)) {
    const words = 'the Dockerfile must begin with a FROM instruction';
    onMessage({ error: words, errorDetail: { message: words } });
    throw new ServiceError('VALIDATION', words);
  }
  const args = new Map(Object.entries(options.buildArgs));
  let base: SimulatedImage | null = null;
  let current = '';
  for (const [index, step] of steps.entries()) {
    await pause(engine, BUILD_STEP_MS, signal);
    onMessage({ stream: `Step ${index + 1}/${steps.length} : ${step}` });
    onMessage({ stream: '\n' });
    const [keyword = '', ...rest] = step.split(/\s+/);
    const operand = rest.join(' ');
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const name = substitute(operand.split(/\s+/).filter((w) => !w.startsWith('--'))[0] ?? '', args);
        if (name.toLowerCase() !== 'scratch') {
          const found = findImage(engine.read(), name);
          if (found === undefined) {
            const words = `pull access denied for ${splitReference(name).repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
            onMessage({ error: words, errorDetail: { message: words } });
            throw new ServiceError('NOT_FOUND', words);
          }
          base = found.image;
          current = found.image.id;
        }
        break;
      }
      case 'ARG': {
        const [name = '', value] = operand.split('=', 2);
        if (!args.has(name) && value !== undefined) args.set(name, value);
        current = `sha256:${hex(`${current}:${step}`)}`;
        break;
      }
      case 'RUN': {
        const container = hex(`run:${current}:${step}:${engine.clock.now()}`).slice(0, 12);
        onMessage({ stream: ` ---> Running in ${container}\n` });
        const effect = runEffect(substitute(operand, args));
        for (const line of effect.lines) onMessage({ stream: `${line}\n` });
        if (effect.sleepS > 0) await pause(engine, effect.sleepS * 1000, signal);
        onMessage({ stream: `Removing intermediate container ${container}\n` });
        current = `sha256:${hex(`${current}:${step}:${JSON.stringify([...args])}`)}`;
        break;
      }
      default:
        current = `sha256:${hex(`${current}:${step}`)}`;
    }
    onMessage({ stream: ` ---> ${short(current)}\n` });
  }
  if (signal.aborted) throw cancelled();
  const built: SimulatedImage = {
    id: current,
    tags: [],
    sizeBytes: (base?.sizeBytes ?? 0) + 4096 * steps.length,
    created: Math.floor(engine.clock.now() / 1000),
  };
  onMessage({ aux: { ID: built.id } });
  onMessage({ stream: `Successfully built ${short(built.id)}\n` });
  const tag = options.tag === null ? null : withLatest(options.tag);
  engine.mutate((state) => withTaggedImage(state, built, tag, engine.clock.now(), 'build'));
  if (tag !== null) onMessage({ stream: `Successfully tagged ${tag}\n` });
}
