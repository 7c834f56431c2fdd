import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../shared/model/container';
import { EngineService } from '../../../../electron/services/docker/engine-service';
import { silentLogger, systemClock } from '../../../../electron/services/ports';
import { Settings } from '../../../../electron/services/settings/settings';
import { RecordingEventSink } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let sink: RecordingEventSink;
let engine: EngineService;

const lists = (): ContainerSummary[][] => sink.events.filter((e) => e.channel === 'containers:changed').map((e) => e.payload as ContainerSummary[]);

beforeEach(() => {
  temp = makeTempDir();
  sink = new RecordingEventSink();
  engine = new EngineService({
    env: { LIGHTDOCK_ENGINE: 'simulated' },
    platform: 'linux',
    homeDir: temp.dir,
    dataDir: path.join(temp.dir, 'data'),
    settings: Settings.parse({}),
    clock: systemClock,
    logger: silentLogger,
    events: sink,
  });
});
afterEach(() => {
  engine.dispose();
  temp.cleanup();
});

describe('EngineService live updates over the simulated engine', () => {
  it('pushes the state an event implies at once, then the re-listed row with its status text', async () => {
    engine.watch();
    await expect.poll(() => lists().length, { timeout: 5000 }).toBeGreaterThan(0);
    const before = lists().at(-1)?.find((c) => c.name === 'redis');
    expect(before?.state).toBe('exited');
    const [result] = await engine.act(['redis'], 'start', {});
    expect(result?.ok).toBe(true);
    await expect.poll(() => lists().some((list) => list.find((c) => c.name === 'redis')?.status.startsWith('Up')), { timeout: 5000 }).toBe(true);
    const redisRows = lists().map((list) => list.find((c) => c.name === 'redis'));
    const firstRunning = redisRows.find((row) => row?.state === 'running');
    expect(firstRunning?.status).toBe(before?.status);
  });
});
