import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../../electron/services/errors';
import { expandHome, portInUse } from '../../../../electron/services/run/local-checks';
import { fieldOfEngineMessage, runFailure } from '../../../../electron/services/run/run-failure';
import { defaultRunSpec } from '../../../../shared/model/run-args';
import type { RunSpec } from '../../../../shared/model/run-container';

const spec: RunSpec = {
  ...defaultRunSpec('busybox'),
  ports: [
    { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
    { hostIp: '0.0.0.0', hostPort: 9090, containerPort: 90, protocol: 'tcp' },
  ],
  mounts: [
    { kind: 'volume', source: 'data', target: '/data', readOnly: false },
    { kind: 'bind', source: '/srv/site', target: '/site', readOnly: false },
  ],
};

describe('fieldOfEngineMessage', () => {
  it('puts dockerd\'s refusals on their fields', () => {
    const cases: [string, string | null][] = [
      ['Conflict. The container name "/web" is already in use by container "abc". You have to remove (or rename) that container to be able to reuse that name.', 'name'],
      ['No such image: busybox:nope', 'image'],
      ['network backend not found', 'namespaces.network'],
      ['cannot join network of a non running container: 1234', 'namespaces.network'],
      ['driver failed programming external connectivity on endpoint web (x): Bind for 0.0.0.0:9090 failed: port is already allocated', 'ports.1'],
      ['driver failed programming external connectivity on endpoint web (x): Error starting userland proxy: listen tcp4 127.0.0.1:8080: bind: address already in use', 'ports.0'],
      ['conflicting options: port publishing and the container type network mode', 'ports.0'],
      ['Minimum memory limit allowed is 6MB', 'resources.memoryBytes'],
      ['Minimum memoryswap limit should be larger than memory limit, see usage', 'resources.memorySwapBytes'],
      ['Range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available', 'resources.nanoCpus'],
      ['invalid mount config for type "bind": bind source path does not exist: /srv/site', 'mounts.1'],
      ['Duplicate mount point: /data', 'mounts.0'],
      ['maximum retry count cannot be used with restart policy \'always\'', 'restart'],
      ['failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/x": stat /x: no such file or directory: unknown', 'command'],
      ['something else entirely', null],
    ];
    for (const [message, field] of cases) expect([message, fieldOfEngineMessage(spec, message)]).toEqual([message, field]);
  });
});

describe('runFailure', () => {
  it('turns a refusal into VALIDATION with the problem on its field and the engine\'s words', () => {
    const error = runFailure(spec, new ServiceError('INTERNAL', 'Docker answered: Bind for 0.0.0.0:9090 failed: port is already allocated', { statusCode: 500 }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: 'Bind for 0.0.0.0:9090 failed: port is already allocated',
      details: { problems: [{ field: 'ports.1', message: 'Bind for 0.0.0.0:9090 failed: port is already allocated', blocking: true }], engineCode: 'INTERNAL' },
    });
  });

  it('passes on what names no field, an engine gone and anything not a ServiceError', () => {
    const gone = new ServiceError('UNAVAILABLE', 'Docker is not running at unix:///x.sock; start it or pick another context.');
    expect(runFailure(spec, gone)).toBe(gone);
    const odd = new ServiceError('INTERNAL', 'Docker answered: something else');
    expect(runFailure(spec, odd)).toBe(odd);
    const plain = new Error('boom');
    expect(runFailure(spec, plain)).toBe(plain);
  });
});

describe('local checks', () => {
  it('finds a port something listens on, and a free one free (the trial bind closed again)', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await portInUse('127.0.0.1', port)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await portInUse('127.0.0.1', port)).toBe(false);
    expect(await portInUse('127.0.0.1', port)).toBe(false);
  });

  it('makes a home-folder bind source absolute and leaves volumes and other paths alone', () => {
    const expanded = expandHome(
      {
        ...defaultRunSpec('busybox'),
        mounts: [
          { kind: 'bind', source: '~/site', target: '/a', readOnly: false },
          { kind: 'bind', source: '~', target: '/b', readOnly: false },
          { kind: 'bind', source: '/srv/~x', target: '/c', readOnly: false },
          { kind: 'volume', source: 'data', target: '/d', readOnly: false },
        ],
      },
      '/home/dev',
    );
    expect(expanded.mounts.map((m) => m.source)).toEqual(['/home/dev/site', '/home/dev', '/srv/~x', 'data']);
  });
});
