import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/ipc/contract';
import { ImageDetail } from '../../../../shared/model/image-detail';
import type { JobProgress } from '../../../../shared/model/job';
import { useSimulatedTestServices } from '../../../helpers/compose-test-services';
import { ServiceError } from '../../../../electron/services/errors';

const simulated = useSimulatedTestServices();

/** Collects the `jobs:progressed` pushes of the services under test. */
function recordPushes(): { pushes: JobProgress[]; stop: () => void } {
  const pushes: JobProgress[] = [];
  const stop = simulated.services.events.subscribe((channel, payload) => {
    if (channel === 'jobs:progressed') pushes.push(payload as EventPayload<'jobs:progressed'>);
  });
  return { pushes, stop };
}

function buildFolder(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(simulated.dataDir, 'ctx-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), content);
  return folder;
}

describe('ImageService on the simulated engine', () => {
  it('pulls as a job whose pushes carry per-layer progress, and lists the image afterwards', async () => {
    const { services } = simulated;
    const { pushes, stop } = recordPushes();
    const job = services.imageActions.pull('registry.example:5000/team/app:2');
    expect(job).toMatchObject({ kind: 'pull', state: 'running', title: 'Pull registry.example:5000/team/app:2', target: 'registry.example:5000/team/app:2' });
    const ended = await services.jobs.wait(job.id);
    stop();
    expect(ended.state).toBe('succeeded');
    const ours = pushes.filter((p) => p.job.id === job.id);
    const downloading = ours.flatMap((p) => p.job.layers).filter((l) => l.status === 'Downloading');
    expect(downloading.length).toBeGreaterThan(0);
    expect(downloading.every((l) => l.total !== null && l.current !== null && l.current <= l.total)).toBe(true);
    const last = ours[ours.length - 1];
    expect(last?.job.layers.length).toBeGreaterThanOrEqual(3);
    expect(last?.job.layers.every((l) => l.done && l.status === 'Pull complete')).toBe(true);
    expect(last?.job.progress).toBe(1);
    const images = await services.engine.images();
    const pulled = images.find((i) => i.tags.includes('registry.example:5000/team/app:2'));
    expect(pulled?.id).toBe(ended.result);
  });

  it('a cancelled pull ends cancelled and adds nothing', async () => {
    const { services } = simulated;
    const job = services.imageActions.pull('cancel-me:1');
    const ended = await services.jobs.cancel(job.id);
    expect(ended.state).toBe('cancelled');
    expect((await services.engine.images()).some((i) => i.tags.includes('cancel-me:1'))).toBe(false);
  });

  it('tags, then pushes with layer progress and a digest; a missing image is refused', async () => {
    const { services } = simulated;
    await expect(services.imageActions.tag('busybox:1.36', 'registry.example:5000/team/bb:1')).resolves.toEqual({ target: 'registry.example:5000/team/bb:1' });
    const job = services.imageActions.push('registry.example:5000/team/bb:1');
    await services.jobs.wait(job.id);
    const ended = services.jobs.get(job.id).job;
    expect(ended.state).toBe('succeeded');
    expect(ended.result).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ended.layers.length).toBeGreaterThanOrEqual(3);
    expect(ended.layers.every((l) => l.status === 'Pushed' && l.total !== null && l.current === l.total)).toBe(true);
    const missing = await services.jobs.wait(services.imageActions.push('registry.example:5000/none:1').id);
    expect(missing).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND' } });
  });

  it('builds from a folder with the log streamed, build arguments applied and the image tagged', async () => {
    const { services } = simulated;
    const { pushes, stop } = recordPushes();
    const folder = buildFolder({ Dockerfile: 'FROM busybox:1.36\nARG WHO=nobody\nRUN echo built-by-lightdock $WHO\n', '.dockerignore': 'secret\n', secret: 'x' });
    const job = services.imageActions.build({ contextPath: folder, dockerfile: 'Dockerfile', tag: 'ld-sim/built:1', buildArgs: [{ name: 'WHO', value: 'tests' }], noCache: false, pull: false });
    expect(job).toMatchObject({ kind: 'build', title: 'Build ld-sim/built:1' });
    const ended = await services.jobs.wait(job.id);
    stop();
    expect(ended.state).toBe('succeeded');
    const lines = pushes.filter((p) => p.job.id === job.id).flatMap((p) => p.lines);
    expect(lines).toContain('Step 1/3 : FROM busybox:1.36');
    expect(lines).toContain('built-by-lightdock tests');
    expect(lines).toContain('Successfully tagged ld-sim/built:1');
    const image = (await services.engine.images()).find((i) => i.tags.includes('ld-sim/built:1'));
    expect(image?.id).toBe(ended.result);
  });

  it('a build FROM an image the store lacks fails with the engine words and tags nothing', async () => {
    const { services } = simulated;
    const folder = buildFolder({ Dockerfile: 'FROM nowhere/missing:9\nRUN echo no\n' });
    const ended = await services.jobs.wait(services.imageActions.build({ contextPath: folder, dockerfile: 'Dockerfile', tag: 'ld-sim/never:1', buildArgs: [], noCache: false, pull: false }).id);
    expect(ended.state).toBe('failed');
    expect(ended.error?.message).toContain('pull access denied for nowhere/missing');
    expect((await services.engine.images()).some((i) => i.tags.includes('ld-sim/never:1'))).toBe(false);
  });

  it('a cancelled build ends cancelled and tags nothing', async () => {
    const { services } = simulated;
    const folder = buildFolder({ Dockerfile: 'FROM busybox:1.36\nRUN sleep 30\n' });
    const job = services.imageActions.build({ contextPath: folder, dockerfile: 'Dockerfile', tag: 'ld-sim/slow:1', buildArgs: [], noCache: false, pull: false });
    const ended = await services.jobs.cancel(job.id);
    expect(ended.state).toBe('cancelled');
    expect((await services.engine.images()).some((i) => i.tags.includes('ld-sim/slow:1'))).toBe(false);
  });

  it('a folder without a Dockerfile is refused before any job starts', () => {
    const { services } = simulated;
    const folder = buildFolder({ 'README.md': 'no Dockerfile here' });
    const start = (): unknown => services.imageActions.build({ contextPath: folder, dockerfile: 'Dockerfile', tag: null, buildArgs: [], noCache: false, pull: false });
    expect(start).toThrow(ServiceError);
    expect(start).toThrow(/There is no Dockerfile in/);
    expect(services.jobs.list()).toEqual([]);
  });

  it('inspects an image: modelled layers adding up to its size, and the containers using it', async () => {
    const detail = ImageDetail.parse(await simulated.services.imageActions.inspect('nginx:1.27-alpine'));
    expect(detail.layers.reduce((sum, l) => sum + l.sizeBytes, 0)).toBe(detail.sizeBytes);
    expect(detail.layers[0]?.id).toBe(detail.id);
    expect(detail.usedBy.map((u) => u.name)).toContain('shop-web-1');
    expect(detail.config.exposedPorts).toEqual(['80/tcp']);
    await expect(simulated.services.imageActions.inspect('nowhere:1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
