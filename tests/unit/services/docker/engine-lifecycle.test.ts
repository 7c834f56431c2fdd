import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineLifecycle } from '../../../../shared/model/engine-lifecycle';
import { SIMULATED_STOPPED_MESSAGE, manageabilityOf, type EngineHost } from '../../../../electron/services/docker/engine-lifecycle';
import { EngineService } from '../../../../electron/services/docker/engine-service';
import { ServiceError } from '../../../../electron/services/errors';
import { silentLogger, systemClock } from '../../../../electron/services/ports';
import { Settings } from '../../../../electron/services/settings/settings';
import { eventually } from '../../../helpers/docker-engine';
import { RecordingEventSink } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
const services: EngineService[] = [];

function service(env: NodeJS.ProcessEnv, engineHost?: EngineHost): { engine: EngineService; sink: RecordingEventSink } {
  const sink = new RecordingEventSink();
  const engine = new EngineService({
    env,
    platform: 'linux',
    homeDir: temp.dir,
    dataDir: path.join(temp.dir, 'data'),
    settings: Settings.parse({}),
    clock: systemClock,
    logger: silentLogger,
    events: sink,
    simulatedTransitionMs: 5,
    ...(engineHost === undefined ? {} : { engineHost }),
  });
  services.push(engine);
  return { engine, sink };
}

const states = (sink: RecordingEventSink): string[] =>
  sink.events.filter((e) => e.channel === 'engine:lifecycle-changed').map((e) => (e.payload as EngineLifecycle).state);

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  for (const engine of services.splice(0)) engine.dispose();
  temp.cleanup();
});

describe('engine lifecycle on the simulated engine', () => {
  it('stops and starts, pushing stopping → stopped and starting → running, and refuses container calls while stopped', async () => {
    const { engine, sink } = service({ LIGHTDOCK_ENGINE: 'simulated' });
    expect(await engine.lifecycle()).toMatchObject({ state: 'running', manageable: true, reason: null });
    expect(await engine.stopEngine()).toMatchObject({ state: 'stopped', manageable: true });
    const error = await rejection(engine.list());
    expect([error.code, error.message]).toEqual(['UNAVAILABLE', SIMULATED_STOPPED_MESSAGE]);
    expect((await engine.status()).state).toBe('unreachable');
    expect(await engine.startEngine()).toMatchObject({ state: 'running' });
    expect((await engine.list()).length).toBeGreaterThan(0);
    expect(states(sink)).toEqual(['running', 'stopping', 'stopped', 'starting', 'running']);
  });

  it('is idempotent: stopping a stopped engine pushes no transition', async () => {
    const { engine, sink } = service({ LIGHTDOCK_ENGINE: 'simulated' });
    await engine.stopEngine();
    const before = states(sink).length;
    expect((await engine.stopEngine()).state).toBe('stopped');
    expect(states(sink).slice(before)).toEqual([]);
  });

  it('shares the power switch between processes: a watching service follows a stop made by another one', async () => {
    const { engine: ui, sink } = service({ LIGHTDOCK_ENGINE: 'simulated' });
    ui.watch();
    await eventually(() => expect(states(sink).at(-1)).toBe('running'));
    const { engine: cli } = service({ LIGHTDOCK_ENGINE: 'simulated' });
    await cli.stopEngine();
    await eventually(() => expect(states(sink).at(-1)).toBe('stopped'));
    await cli.startEngine();
    await eventually(() => expect(states(sink).at(-1)).toBe('running'));
  });

  it('refuses a second start while one is under way', async () => {
    const { engine } = service({ LIGHTDOCK_ENGINE: 'simulated' });
    await engine.stopEngine();
    const first = engine.startEngine();
    const error = await rejection(engine.startEngine());
    expect([error.code, error.message]).toEqual(['CONFLICT', 'The Docker engine is already starting; wait until it finishes.']);
    expect((await first).state).toBe('running');
  });
});

describe('engine lifecycle where Lightdock cannot manage the engine', () => {
  it('explains in one sentence that it did not start a local engine, and pushes no transition', async () => {
    const { engine, sink } = service({ LIGHTDOCK_ENGINE: 'docker', DOCKER_HOST: `unix://${temp.dir}/none.sock` });
    const error = await rejection(engine.startEngine());
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`Lightdock did not start the Docker engine at unix://${temp.dir}/none.sock, so it cannot start or stop it; use the tool that runs it.`);
    expect(await engine.lifecycle()).toMatchObject({ state: 'stopped', manageable: false, reason: error.message });
    expect(states(sink)).not.toContain('starting');
  });

  it('explains that a remote engine runs on another machine, even with a WSL engine host', async () => {
    const calls: string[] = [];
    const host: EngineHost = { start: async () => void calls.push('start'), stop: async () => void calls.push('stop') };
    const { engine } = service({ LIGHTDOCK_ENGINE: 'docker', DOCKER_HOST: 'tcp://10.9.8.7:2376' }, host);
    const error = await rejection(engine.stopEngine());
    expect(error.message).toBe('The Docker engine at tcp://10.9.8.7:2376 runs on another machine, so Lightdock cannot start or stop it.');
    expect(calls).toEqual([]);
  });

  it('decides manageability from the endpoint and the host port', () => {
    expect(manageabilityOf({ kind: 'simulated', endpoint: 'simulated://lightdock', context: null }, false).manageable).toBe(true);
    expect(manageabilityOf({ kind: 'docker', endpoint: 'tcp://127.0.0.1:2375', context: null }, true)).toEqual({ manageable: true, reason: null });
    expect(manageabilityOf({ kind: 'docker', endpoint: 'npipe:////./pipe/docker_engine', context: null }, true).reason).toMatch(/Docker Desktop's or Windows' own/);
    expect(manageabilityOf({ kind: 'docker', endpoint: 'ssh://me@build-box', context: 'remote' }, true).reason).toBe(
      "The Docker context 'remote' at ssh://me@build-box runs on another machine, so Lightdock cannot start or stop it.",
    );
  });
});

describe('engine lifecycle through a WSL engine host', () => {
  it('runs the host start and reports its failure as the error state with its sentence', async () => {
    const sentence = 'Could not start the Docker service in Ubuntu-24.04 (service docker start exited with 1).';
    const calls: string[] = [];
    const host: EngineHost = {
      start: async () => {
        calls.push('start');
        throw new ServiceError('UNAVAILABLE', sentence);
      },
      stop: async () => void calls.push('stop'),
    };
    const { engine, sink } = service({ LIGHTDOCK_ENGINE: 'docker', DOCKER_HOST: `unix://${temp.dir}/none.sock` }, host);
    expect(await engine.lifecycle()).toMatchObject({ state: 'stopped', manageable: true });
    expect((await rejection(engine.startEngine())).message).toBe(sentence);
    expect(states(sink)).toEqual(['stopped', 'starting', 'error']);
    expect(await engine.lifecycle()).toMatchObject({ state: 'error', message: sentence });
    expect(calls).toEqual(['start']);
  });
});
