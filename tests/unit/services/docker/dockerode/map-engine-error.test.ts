import { describe, expect, it } from 'vitest';
import { mapEngineError } from '../../../../../electron/services/docker/dockerode/map-engine-error';
import { classifySshFailure } from '../../../../../electron/services/docker/endpoint/ssh-failure';
import { mapImage, mapImagePrune, mapNetwork, mapVolume } from '../../../../../electron/services/docker/dockerode/map-resources';
import { ServiceError } from '../../../../../electron/services/errors';
import type { ContainerSummary } from '../../../../../shared/model/container';

const endpoint = 'unix:///var/run/docker.sock';

describe('mapEngineError', () => {
  it('keeps the engine sentence for HTTP errors and picks the code from the status', () => {
    const notFound = Object.assign(new Error('(HTTP code 404) no such container - No such container: web '), { statusCode: 404, json: { message: 'No such container: web' } });
    expect(mapEngineError(notFound, endpoint)).toMatchObject({ code: 'NOT_FOUND', message: 'No such container: web' });
    const conflict = Object.assign(new Error('(HTTP code 409) unexpected - Container abc is not running '), { statusCode: 409, json: null });
    expect(mapEngineError(conflict, endpoint)).toMatchObject({ code: 'CONFLICT', message: 'Container abc is not running' });
    const notPaused = Object.assign(new Error('x'), { statusCode: 500, json: { message: 'Container abc is not paused' } });
    expect(mapEngineError(notPaused, endpoint)).toMatchObject({ code: 'CONFLICT', message: 'Container abc is not paused' });
    expect(mapEngineError(Object.assign(new Error('x'), { statusCode: 500, json: { message: 'boom' } }), endpoint)).toMatchObject({ code: 'INTERNAL', message: 'Docker answered: boom' });
  });

  it('turns a missing or refusing socket into the friendly UNAVAILABLE sentence', () => {
    for (const code of ['ENOENT', 'ECONNREFUSED']) {
      const error = mapEngineError(Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code }), endpoint);
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'UNAVAILABLE', message: `Docker is not running at ${endpoint}; start it or pick another context.` });
    }
    expect(mapEngineError(Object.assign(new Error('denied'), { code: 'EACCES' }), endpoint)).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('Permission denied') });
  });

  it('passes an ssh:// failure through unchanged, with its own sentence rather than "not running"', () => {
    const sshFailure = classifySshFailure({ code: 255, signal: null, stderr: 'root@box: Permission denied (publickey).\r\n' }, { user: null, host: 'box', port: null });
    expect(sshFailure).toBeInstanceOf(ServiceError);
    expect(mapEngineError(sshFailure, 'ssh://box')).toBe(sshFailure);
  });

  it('reports an abort as TIMEOUT and leaves unknown errors alone', () => {
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(mapEngineError(abort, endpoint, 15_000)).toMatchObject({ code: 'TIMEOUT', message: `Docker at ${endpoint} did not answer within 15 s.` });
    const odd = new TypeError('odd');
    expect(mapEngineError(odd, endpoint)).toBe(odd);
  });
});

describe('resource mapping', () => {
  const container = (over: Partial<ContainerSummary>): ContainerSummary => ({
    id: 'c1',
    name: 'one',
    image: 'img',
    imageId: 'sha256:a',
    command: 'sh',
    state: 'running',
    status: 'Up',
    created: 0,
    ports: [],
    composeProject: null,
    composeService: null,
    labels: {},
    networks: [{ name: 'bridge', ipAddress: '172.17.0.2', gateway: null, macAddress: null }],
    mounts: [{ type: 'volume', source: 'data', destination: '/data', mode: '', rw: true }],
    ...over,
  });
  const containers = [container({}), container({ id: 'c2', name: 'two', imageId: 'sha256:b', networks: [], mounts: [] })];

  it('counts containers per image, volume and network from the list, and marks untagged images dangling', () => {
    expect(mapImage({ Id: 'sha256:a', RepoTags: ['img:latest'], Size: 10, Created: 5 }, containers)).toEqual({
      id: 'sha256:a',
      tags: ['img:latest'],
      sizeBytes: 10,
      created: 5,
      containers: 1,
      dangling: false,
    });
    expect(mapImage({ Id: 'sha256:z', RepoTags: ['<none>:<none>'] }, containers)).toMatchObject({ tags: [], dangling: true, containers: 0 });
    expect(mapVolume({ Name: 'data', Driver: 'local', Mountpoint: '/v/data', CreatedAt: '', Labels: null }, containers)).toEqual({
      name: 'data',
      driver: 'local',
      mountpoint: '/v/data',
      createdAt: null,
      labels: {},
      inUseBy: ['one'],
    });
    expect(mapNetwork({ Id: 'n1', Name: 'bridge', Driver: 'bridge', Scope: 'local', IPAM: { Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] } }, containers)).toEqual({
      id: 'n1',
      name: 'bridge',
      driver: 'bridge',
      scope: 'local',
      subnet: '172.17.0.0/16',
      gateway: '172.17.0.1',
      containers: 1,
    });
    expect(mapImagePrune({ ImagesDeleted: [{ Untagged: 'x:1' }, { Deleted: 'sha256:q' }], SpaceReclaimed: 42 })).toEqual({ deleted: ['x:1', 'sha256:q'], reclaimedBytes: 42 });
  });
});
