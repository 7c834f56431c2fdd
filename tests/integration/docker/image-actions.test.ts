import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract';
import { ImageDetail } from '../../../shared/model/image-detail';
import type { JobDetail, JobProgress, JobSummary } from '../../../shared/model/job';
import type { Services } from '../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../electron/hosts/common/invoke-dispatcher';
import { composeTestServices } from '../../helpers/compose-test-services';
import { docker, eventually, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';
import { makeTempDir } from '../../helpers/temp-dir';

const REGISTRY_SCRIPT = path.resolve(import.meta.dirname, '../../helpers/registry.sh');
const run = Math.random().toString(36).slice(2, 8);
const prefix = `ld-images-${run}`;
/** What the tests made, removed afterwards whatever happened. */
const madeImages = new Set<string>();
const madeContainers = new Set<string>();

let temp: ReturnType<typeof makeTempDir> | undefined;
let registryDir: string | null = null;
let services: Services;
let dispatch: InvokeDispatcher;
let registry: string;
const pushes: JobProgress[] = [];
let stopRecording: () => void = () => undefined;

function registryScript(action: 'start' | 'stop', dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [REGISTRY_SCRIPT, action, dir], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`registry.sh ${action} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

async function call<T>(channel: Parameters<InvokeDispatcher>[0], request: unknown): Promise<T> {
  const result = await dispatch(channel, request, { id: 'test' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Starts a job through its channel, waits for it to end and answers it as `jobs:get` shows it (layers included). */
async function job(channel: Parameters<InvokeDispatcher>[0], request: unknown): Promise<JobSummary> {
  const started = await call<JobSummary>(channel, request);
  expect(started.state).toBe('running');
  await services.jobs.wait(started.id);
  return (await call<JobDetail>('jobs:get', { jobId: started.id })).job;
}

const linesOf = (id: string): string[] => pushes.filter((p) => p.job.id === id).flatMap((p) => p.lines);
const layersOf = (id: string): JobSummary['layers'] => pushes.filter((p) => p.job.id === id).flatMap((p) => p.job.layers);

async function listedTags(): Promise<string[]> {
  return (await services.engine.images()).flatMap((image) => image.tags);
}

function tempDir(): string {
  if (temp === undefined) throw new Error('The temp folder exists only inside the tests.');
  return temp.dir;
}

function contextFolder(name: string, dockerfile: string | null): string {
  const folder = path.join(tempDir(), name);
  fs.mkdirSync(folder);
  if (dockerfile !== null) fs.writeFileSync(path.join(folder, 'Dockerfile'), dockerfile);
  return folder;
}

beforeAll(async () => {
  const dockerHost = testDockerHost();
  temp = makeTempDir();
  registryDir = path.join(temp.dir, 'registry');
  registry = await registryScript('start', registryDir);
  const dockerConfig = path.join(temp.dir, 'docker-config');
  fs.mkdirSync(dockerConfig);
  // Credentials the registry does not ask for: they travel (X-Registry-Auth) without changing the outcome.
  fs.writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [registry]: { auth: Buffer.from('lightdock:unused').toString('base64') } } }));
  ({ services, dispatch } = composeTestServices(path.join(temp.dir, 'data'), {
    LIGHTDOCK_ENGINE: 'docker',
    DOCKER_HOST: dockerHost,
    DOCKER_CONFIG: dockerConfig,
    PATH: process.env['PATH'],
    HOME: temp.dir,
  }));
  stopRecording = services.events.subscribe((channel, payload) => {
    if (channel === 'jobs:progressed') pushes.push(payload as EventPayload<'jobs:progressed'>);
  });
}, 60_000);

afterAll(async () => {
  stopRecording();
  (services as Services | undefined)?.dispose();
  if (madeContainers.size > 0) await docker('rm', '-f', ...madeContainers).catch(() => undefined);
  for (const image of madeImages) await docker('rmi', '-f', image).catch(() => undefined);
  if (registryDir !== null) await registryScript('stop', registryDir);
  temp?.cleanup();
}, 120_000);

describe('images on a real dockerd and a local registry', () => {
  it('tags, pushes with layers reported and a digest, and pulls back', async () => {
    const reference = `${registry}/${prefix}/busybox:1`;
    madeImages.add(reference);
    expect(await call('images:tag', { source: TEST_IMAGE, target: reference })).toEqual({ target: reference });
    const pushed = await job('images:push', { reference });
    expect(pushed).toMatchObject({ state: 'succeeded', title: `Push ${reference}`, kind: 'push' });
    expect(pushed.result).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(pushed.layers.length).toBeGreaterThan(0);
    expect(pushed.layers.every((layer) => layer.done && /^(Pushed|Layer already exists|Mounted from)/.test(layer.status))).toBe(true);

    expect(await call('images:remove', { id: reference })).toEqual({ id: reference });
    expect(await listedTags()).not.toContain(reference);
    const pulled = await job('images:pull', { reference });
    expect(pulled).toMatchObject({ state: 'succeeded', title: `Pull ${reference}` });
    // Its only layer is the local test image's, so the engine reports no layer of its own, just the digest.
    expect(linesOf(pulled.id)).toEqual([]);
    const busybox = (await services.engine.images()).find((image) => image.tags.includes(TEST_IMAGE));
    expect(pulled.result).toBe(busybox?.id);
    expect(await listedTags()).toContain(reference);
  }, 120_000);

  it('pushes and pulls a layer the engine lacks with byte progress', async () => {
    const seed = `${prefix}-seed`;
    const reference = `${registry}/${prefix}/blob:2`;
    madeContainers.add(seed);
    madeImages.add(reference);
    await docker('run', '--name', seed, TEST_IMAGE, 'sh', '-c', 'head -c 16000000 /dev/urandom > /blob');
    await docker('commit', seed, reference);
    await docker('rm', seed);
    madeContainers.delete(seed);

    const pushed = await job('images:push', { reference });
    expect(pushed.state).toBe('succeeded');
    const sent = pushed.layers.filter((layer) => layer.status === 'Pushed');
    expect(sent.length).toBe(1);
    expect(sent[0]?.total).toBeGreaterThan(15_000_000);
    expect(sent[0]?.current).toBe(sent[0]?.total);
    expect(pushes.filter((p) => p.job.id === pushed.id).at(-1)?.job.result).toBe(pushed.result);

    await docker('rmi', reference);
    const pulled = await job('images:pull', { reference });
    expect(pulled.state).toBe('succeeded');
    const fetched = pulled.layers.filter((layer) => layer.status === 'Pull complete');
    expect(fetched.length).toBe(1);
    expect(fetched[0]?.total).toBeGreaterThan(0);
    expect(fetched[0]?.current).toBe(fetched[0]?.total);
    expect(pulled.progress).toBe(1);
    expect(layersOf(pulled.id).some((layer) => layer.status === 'Downloading' || layer.status === 'Extracting')).toBe(true);
    const listed = (await services.engine.images()).find((image) => image.tags.includes(reference));
    expect(listed?.id).toBe(pulled.result);
  }, 180_000);

  it('builds a folder with its log streamed, a build argument applied and the image tagged and listed', async () => {
    const tag = `${prefix}/built:1`;
    madeImages.add(tag);
    const folder = contextFolder('build-ok', `FROM ${TEST_IMAGE}\nARG WHO\nRUN echo built-by-lightdock $WHO\n`);
    const built = await job('images:build', { contextPath: folder, tag, buildArgs: [{ name: 'WHO', value: run }], noCache: true });
    expect(built).toMatchObject({ state: 'succeeded', kind: 'build', title: `Build ${tag}`, target: folder });
    expect(built.result).toMatch(/^sha256:[0-9a-f]{64}$/);
    const lines = linesOf(built.id);
    expect(lines).toContain(`built-by-lightdock ${run}`);
    expect(lines).toContain(`Successfully tagged ${tag}`);
    const listed = (await services.engine.images()).find((image) => image.tags.includes(tag));
    expect(listed?.id).toBe(built.result);
    const detail = ImageDetail.parse(await call('images:inspect', { id: tag }));
    expect(detail.layers[0]?.createdBy).toContain('echo built-by-lightdock $WHO');
    expect(detail.layers.some((layer) => layer.id === null || layer.id.startsWith('sha256:'))).toBe(true);
  }, 120_000);

  it('cancels a build: the job ends cancelled with no tag and no container left', async () => {
    const tag = `${prefix}/slow:1`;
    madeImages.add(tag);
    const folder = contextFolder('build-slow', `FROM ${TEST_IMAGE}\nRUN sleep 30 # ${run}\n`);
    const started = await call<JobSummary>('images:build', { contextPath: folder, tag, buildArgs: [], noCache: true });
    await eventually(() => expect(linesOf(started.id).some((line) => line.includes('Running in'))).toBe(true), 60_000);
    const ended = await services.jobs.cancel(started.id);
    expect(ended.state).toBe('cancelled');
    expect(await listedTags()).not.toContain(tag);
    await eventually(async () => {
      const leftovers = (await docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}')).split('\n').filter((line) => line.includes(run));
      expect(leftovers).toEqual([]);
    }, 60_000, 250);
  }, 120_000);

  it('refuses a folder without a Dockerfile with a clear error and starts no job', async () => {
    const before = services.jobs.list().length;
    const folder = contextFolder('build-empty', null);
    const result = await dispatch('images:build', { contextPath: folder, tag: `${prefix}/never:1`, buildArgs: [] }, { id: 'test' });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: `There is no Dockerfile in ${folder}.` } });
    expect(services.jobs.list().length).toBe(before);
  });

  it('fails a pull of a tag the registry lacks with the engine words', async () => {
    const failed = await job('images:pull', { reference: `${registry}/${prefix}/missing:9` });
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(/not found|manifest unknown/);
  }, 60_000);
});
