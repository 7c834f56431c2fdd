import { describe, expect, it } from 'vitest';
import type { EngineIdentity } from '../../../../../electron/services/docker/container-engine';
import { ContextProber, PROBE_PING_MS, PROBE_SSH_PING_MS, type ProbedEngine } from '../../../../../electron/services/docker/endpoint/context-probe';
import type { DockerEndpoint } from '../../../../../electron/services/docker/endpoint/resolve-endpoint';
import { ServiceError } from '../../../../../electron/services/errors';
import { RecordingLogger } from '../../../../helpers/recording';

/** Engines whose pings the test answers by hand, recording the deadlines asked for and the closes. */
class HeldEngines {
  readonly built: string[] = [];
  readonly deadlines: number[] = [];
  readonly closed: string[] = [];
  readonly pending = new Map<string, { resolve(identity: EngineIdentity): void; reject(error: unknown): void }>();
  running = 0;
  mostAtOnce = 0;

  engineAt = (endpoint: DockerEndpoint): ProbedEngine => {
    this.built.push(endpoint.host);
    return {
      endpoint: endpoint.host,
      ping: (timeoutMs) => {
        this.deadlines.push(timeoutMs);
        this.running += 1;
        this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
        return new Promise<EngineIdentity>((resolve, reject) => {
          this.pending.set(endpoint.host, {
            resolve: (identity) => {
              this.running -= 1;
              resolve(identity);
            },
            reject: (error) => {
              this.running -= 1;
              reject(error);
            },
          });
        });
      },
      close: () => void this.closed.push(endpoint.host),
    };
  };

  answer(host: string, outcome: EngineIdentity | Error): void {
    const held = this.pending.get(host);
    if (held === undefined) throw new Error(`no ping pending for ${host}`);
    this.pending.delete(host);
    if (outcome instanceof Error) held.reject(outcome);
    else held.resolve(outcome);
  }
}

function endpointFor(name: string): DockerEndpoint {
  if (name === 'missing') throw new ServiceError('NOT_FOUND', 'Docker context "missing" was not found.');
  const host = name.startsWith('ssh') ? `ssh://me@${name}` : `tcp://${name}:2376`;
  return { host, context: name, source: 'context', tls: null };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const identity: EngineIdentity = { serverVersion: '24.0.7', apiVersion: '1.43', os: 'linux' };

describe('ContextProber', () => {
  it('answers connected with the version, or unreachable with the sentence, and closes the engine either way', async () => {
    const engines = new HeldEngines();
    const prober = new ContextProber({ endpointFor, engineAt: engines.engineAt, logger: new RecordingLogger() });
    const up = prober.probe('up');
    const down = prober.probe('down');
    await turn();
    engines.answer('tcp://up:2376', identity);
    engines.answer('tcp://down:2376', new ServiceError('UNAVAILABLE', 'Docker is not running at tcp://down:2376.'));
    expect(await up).toEqual({ name: 'up', endpoint: 'tcp://up:2376', state: 'connected', serverVersion: '24.0.7', message: null });
    expect(await down).toEqual({ name: 'down', endpoint: 'tcp://down:2376', state: 'unreachable', serverVersion: null, message: 'Docker is not running at tcp://down:2376.' });
    expect(engines.closed.sort()).toEqual(['tcp://down:2376', 'tcp://up:2376']);
  });

  it('waits 3 s for a socket or tcp:// engine and 10 s over ssh://', async () => {
    const engines = new HeldEngines();
    const prober = new ContextProber({ endpointFor, engineAt: engines.engineAt, logger: new RecordingLogger() });
    const probes = [prober.probe('tcp-box'), prober.probe('ssh-box')];
    await turn();
    engines.answer('tcp://tcp-box:2376', identity);
    engines.answer('ssh://me@ssh-box', identity);
    await Promise.all(probes);
    expect(engines.deadlines).toEqual([PROBE_PING_MS, PROBE_SSH_PING_MS]);
    expect([PROBE_PING_MS, PROBE_SSH_PING_MS]).toEqual([3_000, 10_000]);
  });

  it('rejects NOT_FOUND for an unknown context and answers unreachable when no engine can be built there', async () => {
    const prober = new ContextProber({
      endpointFor,
      engineAt: () => {
        throw new ServiceError('VALIDATION', '"tcp://x" is not a Docker endpoint.');
      },
      logger: new RecordingLogger(),
    });
    await expect(prober.probe('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prober.probe('odd')).toEqual({ name: 'odd', endpoint: 'tcp://odd:2376', state: 'unreachable', serverVersion: null, message: '"tcp://x" is not a Docker endpoint.' });
  });

  it('shares a probe in flight for the same name and runs at most four at once', async () => {
    const engines = new HeldEngines();
    const prober = new ContextProber({ endpointFor, engineAt: engines.engineAt, logger: new RecordingLogger() });
    const first = prober.probe('a');
    const again = prober.probe('a');
    expect(again).toBe(first);
    const names = ['b', 'c', 'd', 'e', 'f', 'g'];
    const others = names.map((name) => prober.probe(name));
    await turn();
    expect(engines.built).toEqual(['tcp://a:2376', 'tcp://b:2376', 'tcp://c:2376', 'tcp://d:2376']);
    for (const name of ['a', ...names]) {
      await turn();
      engines.answer(`tcp://${name}:2376`, identity);
      await turn();
    }
    const answers = await Promise.all([first, ...others]);
    expect(answers.map((a) => a.state)).toEqual(Array(7).fill('connected'));
    expect(engines.mostAtOnce).toBe(4);
    expect(engines.closed).toHaveLength(7);
    // Once settled, a new probe of the same name pings again.
    const later = prober.probe('a');
    await turn();
    engines.answer('tcp://a:2376', identity);
    expect((await later).state).toBe('connected');
    expect(engines.built.filter((host) => host === 'tcp://a:2376')).toHaveLength(2);
  });
});
