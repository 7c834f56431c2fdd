import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../../shared/model/container';
import type { EngineStatus } from '../../../shared/model/engine';
import { EngineService } from '../../../electron/services/docker/engine-service';
import { silentLogger, systemClock } from '../../../electron/services/ports';
import { Settings } from '../../../electron/services/settings/settings';
import { dockerAt, dockerdScript, eventually, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';
import { RecordingEventSink } from '../../helpers/recording';

/** A second, private dockerd that this file may stop and start; its containers use `--network none` and it leaves iptables alone. */
const FLAGS = ['--iptables=false', '--ip-masq=false'];
const LOOP = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];
let dir: string;
let host: string;

beforeAll(async () => {
  testDockerHost();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-rc-'));
  host = await dockerdScript('start', dir, FLAGS);
}, 60_000);

afterAll(async () => {
  await dockerdScript('stop', dir).catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}, 60_000);

/** The service over this file's dockerd, with `LIGHTDOCK_ENGINE` = `kind` and its own data directory. */
function engineService(kind: 'docker' | 'auto', sink: RecordingEventSink): EngineService {
  return new EngineService({
    env: { DOCKER_HOST: host, LIGHTDOCK_ENGINE: kind },
    platform: process.platform,
    homeDir: dir,
    dataDir: path.join(dir, `lightdock-${kind}`),
    settings: Settings.parse({}),
    clock: systemClock,
    logger: silentLogger,
    events: sink,
  });
}

describe('EngineService when dockerd restarts mid-stream', () => {
  it('goes reconnecting, then connected again with a re-listed, correct view', async () => {
    const sink = new RecordingEventSink();
    const engine = engineService('docker', sink);
    const statuses = (): EngineStatus['state'][] => sink.events.filter((e) => e.channel === 'engine:status-changed').map((e) => (e.payload as EngineStatus).state);
    const lastList = (): ContainerRow[] | undefined =>
      sink.events.filter((e) => e.channel === 'containers:changed').map((e) => e.payload as ContainerRow[]).at(-1);
    try {
      const kept = (await dockerAt(host, ['run', '-d', '--network', 'none', '--name', 'ld-rc-kept', TEST_IMAGE, ...LOOP])).trim();
      engine.watch();
      await eventually(() => expect(lastList()?.find((c) => c.id === kept)?.state).toBe('running'), 10_000);
      expect(statuses()).toEqual(['connected']);

      await dockerdScript('stop', dir);
      await eventually(() => expect(statuses().at(-1)).toMatch(/^(reconnecting|unreachable)$/), 10_000);
      expect(statuses()[1]).toBe('reconnecting');
      const between = await engine.status();
      expect(between.state).not.toBe('connected');
      expect(between.message).toMatch(/Docker/);
      const created = sink.events.length;

      await dockerdScript('start', dir, FLAGS);
      await eventually(() => expect(statuses().at(-1)).toBe('connected'), 20_000);
      await eventually(() => expect(sink.events.slice(created).some((e) => e.channel === 'containers:changed')).toBe(true));
      const truth = (await dockerAt(host, ['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.State}}'])).trim().split('\n').sort();
      expect((lastList() ?? []).map((c) => `${c.id} ${c.state}`).sort()).toEqual(truth);
      expect(lastList()?.find((c) => c.id === kept)?.state).toBe('exited');

      await dockerAt(host, ['start', kept]);
      await eventually(() => expect(lastList()?.find((c) => c.id === kept)?.state).toBe('running'), 5_000);
      await dockerAt(host, ['rm', '-f', kept]);
      await eventually(() => expect(lastList()?.some((c) => c.id === kept)).toBe(false), 5_000);
    } finally {
      engine.dispose();
    }
  }, 90_000);

  it('in auto mode, starts on the simulated engine when no Docker answers, and switches once dockerd starts', async () => {
    await dockerdScript('stop', dir);
    const sink = new RecordingEventSink();
    const engine = engineService('auto', sink);
    const lastStatus = (): EngineStatus | undefined =>
      sink.events.filter((e) => e.channel === 'engine:status-changed').map((e) => e.payload as EngineStatus).at(-1);
    try {
      engine.watch();
      await eventually(() => expect(lastStatus()).toMatchObject({ kind: 'simulated', state: 'connected' }), 10_000);
      expect((await engine.list()).length).toBeGreaterThan(0);

      await dockerdScript('start', dir, FLAGS);
      await eventually(() => expect(lastStatus()).toMatchObject({ kind: 'docker', state: 'connected', endpoint: host }), 20_000);
      const truth = (await dockerAt(host, ['ps', '-a', '--no-trunc', '--format', '{{.ID}}'])).trim().split('\n').filter(Boolean).sort();
      await eventually(() => {
        const pushed = sink.events.filter((e) => e.channel === 'containers:changed').map((e) => e.payload as ContainerRow[]).at(-1);
        expect((pushed ?? []).map((c) => c.id).sort()).toEqual(truth);
      }, 5_000);
      expect((await engine.list()).map((c) => c.id).sort()).toEqual(truth);

      const made = (await dockerAt(host, ['run', '-d', '--network', 'none', '--name', 'ld-rc-auto', TEST_IMAGE, ...LOOP])).trim();
      await eventually(() => {
        const pushed = sink.events.filter((e) => e.channel === 'containers:changed').map((e) => e.payload as ContainerRow[]).at(-1);
        expect(pushed?.find((c) => c.id === made)?.state).toBe('running');
      }, 5_000);
      await dockerAt(host, ['rm', '-f', made]);
    } finally {
      engine.dispose();
    }
  }, 90_000);
});
