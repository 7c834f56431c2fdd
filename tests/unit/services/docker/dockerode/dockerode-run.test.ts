import { describe, expect, it } from 'vitest';
import { createBody } from '../../../../../electron/services/docker/dockerode/dockerode-run';
import { defaultRunSpec } from '../../../../../shared/model/run-args';

describe('createBody', () => {
  it('leaves the image\'s command and every limit to the engine for the empty form', () => {
    expect(createBody(defaultRunSpec('busybox'))).toEqual({
      Image: 'busybox',
      Env: [],
      Tty: false,
      Labels: {},
      ExposedPorts: {},
      HostConfig: {
        PortBindings: {},
        Binds: [],
        Mounts: [],
        RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
        Memory: 0,
        MemorySwap: 0,
        NanoCpus: 0,
        NetworkMode: 'bridge',
        PidMode: '',
        IpcMode: 'private',
        UTSMode: '',
      },
    });
  });

  it('carries every field of a full spec the way the Engine API takes it', () => {
    const body = createBody({
      ...defaultRunSpec('nginx:1.27'),
      name: 'web',
      command: ['nginx', '-g', 'daemon off;'],
      env: [{ name: 'A', value: 'x=y' }],
      ports: [
        { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '::1', hostPort: null, containerPort: 80, protocol: 'tcp' },
        { hostIp: '0.0.0.0', hostPort: 5353, containerPort: 53, protocol: 'udp' },
      ],
      mounts: [
        { kind: 'volume', source: 'data', target: '/data', readOnly: true },
        { kind: 'bind', source: '/srv/a:b', target: '/odd', readOnly: false },
        { kind: 'bind', source: 'C:\\site', target: '/site', readOnly: false },
      ],
      restart: 'on-failure',
      maxRetries: 4,
      resources: { memoryBytes: 64 * 1024 * 1024, memorySwapBytes: -1, nanoCpus: 500_000_000, pidsLimit: 50 },
      namespaces: { network: 'container:db', pid: 'host', ipc: 'shareable', uts: 'host' },
      labels: { team: 'web' },
      tty: true,
    });
    expect(body).toEqual({
      Image: 'nginx:1.27',
      Cmd: ['nginx', '-g', 'daemon off;'],
      Env: ['A=x=y'],
      Tty: true,
      Labels: { team: 'web' },
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      HostConfig: {
        PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }, { HostIp: '::1', HostPort: '' }], '53/udp': [{ HostIp: '0.0.0.0', HostPort: '5353' }] },
        Binds: ['data:/data:ro', 'C:\\site:/site'],
        Mounts: [{ Type: 'bind', Source: '/srv/a:b', Target: '/odd', ReadOnly: false }],
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 4 },
        Memory: 67_108_864,
        MemorySwap: -1,
        NanoCpus: 500_000_000,
        PidsLimit: 50,
        NetworkMode: 'container:db',
        PidMode: 'host',
        IpcMode: 'shareable',
        UTSMode: 'host',
      },
    });
  });

  it('sends a retry count with on-failure only', () => {
    expect(createBody({ ...defaultRunSpec('busybox'), restart: 'always', maxRetries: 3 }).HostConfig.RestartPolicy).toEqual({ Name: 'always', MaximumRetryCount: 0 });
  });
});
