import { describe, expect, it } from 'vitest';
import { unavailableMessage } from '../../../../../electron/services/docker/dockerode/unreachable-message';
import { mapEngineError } from '../../../../../electron/services/docker/dockerode/map-engine-error';

describe('unavailableMessage: the sentence for an engine that does not answer', () => {
  it('says "not running" for a local socket or pipe, whatever the code', () => {
    expect(unavailableMessage('unix:///var/run/docker.sock', 'ENOENT')).toBe('Docker is not running at unix:///var/run/docker.sock; start it or pick another context.');
    expect(unavailableMessage('npipe:////./pipe/docker_engine')).toBe('Docker is not running at npipe:////./pipe/docker_engine; start it or pick another context.');
  });

  it('names what failed on the way to a tcp:// engine, never "not running"', () => {
    const cases: Array<[string, string]> = [
      ['ECONNREFUSED', 'nothing accepted the connection'],
      ['ENOTFOUND', 'its host name could not be resolved'],
      ['ETIMEDOUT', 'the connection timed out'],
      ['EHOSTUNREACH', 'there is no route to its host'],
    ];
    for (const [code, reason] of cases) {
      const message = unavailableMessage('tcp://build-box:2376', code);
      expect(message).toBe(
        `Could not reach the Docker engine at tcp://build-box:2376: ${reason}; check that dockerd listens on that address and port (-H tcp://…) and that build-box is reachable, or pick another context.`,
      );
      expect(message).not.toMatch(/not running/);
    }
    expect(unavailableMessage('tcp://build-box:2376')).toContain(': it did not answer;');
  });

  it('says an ssh:// engine could not be reached over ssh and what to try', () => {
    expect(unavailableMessage('ssh://me@build-box:2222', 'ETIMEDOUT')).toBe(
      'Could not reach the Docker engine at ssh://me@build-box:2222 over ssh: the connection timed out; check that "ssh build-box" connects and that Docker runs there, or pick another context.',
    );
  });

  it('is what mapEngineError gives a refused tcp:// connection', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(mapEngineError(refused, 'tcp://127.0.0.1:1')).toMatchObject({ code: 'UNAVAILABLE', message: unavailableMessage('tcp://127.0.0.1:1', 'ECONNREFUSED') });
  });
});
