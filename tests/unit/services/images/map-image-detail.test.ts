import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../shared/model/container';
import { ImageDetail } from '../../../../shared/model/image-detail';
import { mapImageDetail } from '../../../../electron/services/docker/dockerode/dockerode-images';

const ID = `sha256:${'a'.repeat(64)}`;
const user = { id: 'c'.repeat(64), name: 'web', state: 'running', imageId: ID } as ContainerSummary;
const other = { id: 'd'.repeat(64), name: 'db', state: 'exited', imageId: 'sha256:other' } as ContainerSummary;

describe('mapImageDetail', () => {
  it('maps an engine answer: config, layers newest first with <missing> ids as null, and the containers using it', () => {
    const detail = mapImageDetail(
      {
        Id: ID,
        RepoTags: ['app:1', '<none>:<none>'],
        RepoDigests: ['app@sha256:1'],
        Size: 1234,
        Created: '2026-11-30T10:00:00.5Z',
        Architecture: 'amd64',
        Os: 'linux',
        Config: { Cmd: ['sh'], Entrypoint: null, Env: ['A=1'], ExposedPorts: { '80/tcp': {} }, WorkingDir: '', User: 'app', Volumes: { '/data': {} } },
      },
      [
        { Id: ID, Created: 1_764_496_800, CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', Tags: ['app:1'], Size: 0, Comment: '' },
        { Id: '<missing>', Created: 1_764_496_700, CreatedBy: '/bin/sh -c echo', Tags: null, Size: 1234, Comment: 'c' },
      ],
      [user, other],
    );
    expect(ImageDetail.parse(detail)).toEqual({
      id: ID,
      tags: ['app:1'],
      sizeBytes: 1234,
      created: Math.floor(Date.parse('2026-11-30T10:00:00Z') / 1000),
      containers: 1,
      dangling: false,
      digests: ['app@sha256:1'],
      architecture: 'amd64',
      os: 'linux',
      config: { cmd: ['sh'], entrypoint: null, env: ['A=1'], exposedPorts: ['80/tcp'], workingDir: null, user: 'app', volumes: ['/data'] },
      layers: [
        { id: ID, createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', sizeBytes: 0, created: 1_764_496_800, tags: ['app:1'], comment: '' },
        { id: null, createdBy: '/bin/sh -c echo', sizeBytes: 1234, created: 1_764_496_700, tags: [], comment: 'c' },
      ],
      usedBy: [{ id: user.id, name: 'web', state: 'running' }],
    });
  });

  it('answers a valid ImageDetail whatever the engine sends', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (inspect, history) => {
        expect(ImageDetail.safeParse(mapImageDetail(inspect, history, [user])).success).toBe(true);
      }),
    );
    const hostile = mapImageDetail({ Id: 5, Size: -1, Created: 'never', RepoTags: 'x', Config: { Env: [1, 'B=2'], Cmd: 'sh', ExposedPorts: [] } }, [{ Size: Number.NaN, Created: 1e300 }, null, 7], []);
    expect(ImageDetail.parse(hostile)).toMatchObject({ id: '', sizeBytes: 0, created: 0, tags: [], config: { env: ['B=2'], cmd: null, exposedPorts: [] } });
    expect(hostile.layers).toHaveLength(3);
    expect(hostile.layers[0]).toMatchObject({ sizeBytes: 0, createdBy: '', id: null });
  });
});
