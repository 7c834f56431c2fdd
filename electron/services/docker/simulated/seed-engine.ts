import { createHash } from 'node:crypto';
import type { PortBinding } from '../../../../shared/model/container';
import type { SimulatedContainer, SimulatedEngineState, SimulatedImage, SimulatedRun } from './engine-state';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MiB = 1024 * 1024;

/** A stable 64-hex id for a simulated object, so seeds are the same on every machine. */
export function simulatedId(kind: string, name: string): string {
  return createHash('sha256').update(`lightdock-simulated:${kind}:${name}`).digest('hex');
}

const imageId = (name: string): string => `sha256:${simulatedId('image', name)}`;
const tcp = (privatePort: number, publicPort: number | null = null): PortBinding => ({
  privatePort,
  publicPort,
  ip: publicPort === null ? null : '127.0.0.1',
  type: 'tcp',
});
const running = (start: number, hostPid: number, inodeBase: number): SimulatedRun => ({ start, end: null, exitCode: null, pauses: [], hostPid, inodeBase });

const composeLabels = (service: string, dependsOn: string | null): Record<string, string> => ({
  'com.docker.compose.project': 'shop',
  'com.docker.compose.service': service,
  'com.docker.compose.container-number': '1',
  'com.docker.compose.oneoff': 'False',
  'com.docker.compose.project.working_dir': '/home/dev/shop',
  'com.docker.compose.project.config_files': '/home/dev/shop/compose.yaml',
  'com.docker.compose.version': '2.29.7',
  ...(dependsOn ? { 'com.docker.compose.depends_on': `${dependsOn}:service_started:false` } : {}),
});

const base = (name: string, image: SimulatedImage, now: number): Pick<SimulatedContainer, 'id' | 'name' | 'image' | 'imageId' | 'startLines' | 'restartCount' | 'exitCode' | 'pidsLimit'> & { created: number } => ({
  id: simulatedId('container', name),
  name,
  image: image.tags[0] ?? image.id,
  imageId: image.id,
  startLines: [],
  restartCount: 0,
  exitCode: 0,
  pidsLimit: null,
  created: now,
});

/**
 * The simulated engine's first state, relative to `now`: a Compose project "shop" (web, api, db) up for three
 * hours, a standalone redis that exited two hours ago, a monitor sharing the VM's pid and network namespaces,
 * a sidecar in web's network namespace, images (one dangling), volumes (one unused) and four networks.
 */
export function seedEngineState(now: number): SimulatedEngineState {
  const images = {
    nginx: { id: imageId('nginx'), tags: ['nginx:1.27-alpine'], sizeBytes: 47_984_332, created: Math.floor((now - 45 * DAY) / 1000) },
    api: { id: imageId('shop-api'), tags: ['lightdock/shop-api:latest'], sizeBytes: 182_412_090, created: Math.floor((now - 3 * HOUR - 10 * MINUTE) / 1000) },
    postgres: { id: imageId('postgres'), tags: ['postgres:16-alpine'], sizeBytes: 275_118_004, created: Math.floor((now - 30 * DAY) / 1000) },
    redis: { id: imageId('redis'), tags: ['redis:7-alpine'], sizeBytes: 41_221_112, created: Math.floor((now - 60 * DAY) / 1000) },
    monitor: { id: imageId('monitor'), tags: ['lightdock/monitor:0.4'], sizeBytes: 12_310_552, created: Math.floor((now - 20 * DAY) / 1000) },
    busybox: { id: imageId('busybox'), tags: ['busybox:1.36'], sizeBytes: 4_261_574, created: Math.floor((now - 500 * DAY) / 1000) },
    dangling: { id: imageId('shop-api-previous'), tags: [], sizeBytes: 181_993_120, created: Math.floor((now - 2 * DAY) / 1000) },
  } satisfies Record<string, SimulatedImage>;
  const upSince = now - 3 * HOUR;
  const redisVolume = simulatedId('volume', 'redis-data');
  const web: SimulatedContainer = {
    ...base('shop-web-1', images.nginx, now - 3 * HOUR - 40 * SECOND),
    command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
    program: 'nginx',
    labels: composeLabels('web', 'api'),
    state: 'running',
    tty: false,
    pidHost: false,
    network: { mode: 'attached', attachments: [{ network: 'shop_default', ip: '172.18.0.4' }] },
    ports: [tcp(80, 8080)],
    mounts: [{ type: 'bind', source: '/home/dev/shop/nginx.conf', destination: '/etc/nginx/conf.d/default.conf', mode: 'ro', rw: false }],
    memory: 128 * MiB,
    nanoCpus: 500_000_000,
    runs: [running(upSince + 4 * SECOND, 2841, 4026532296)],
  };
  const api: SimulatedContainer = {
    ...base('shop-api-1', images.api, now - 3 * HOUR - 41 * SECOND),
    command: 'docker-entrypoint.sh node server.js',
    program: 'api',
    labels: composeLabels('api', 'db'),
    state: 'running',
    tty: false,
    pidHost: false,
    network: { mode: 'attached', attachments: [{ network: 'shop_default', ip: '172.18.0.3' }] },
    ports: [tcp(3000)],
    mounts: [{ type: 'bind', source: '/run/desktop/mnt/host/c/Users/dev/source/shop/api', destination: '/app', mode: '', rw: true }],
    memory: 512 * MiB,
    nanoCpus: 1_000_000_000,
    pidsLimit: 200,
    runs: [running(upSince + 2 * SECOND, 2790, 4026532288)],
  };
  const db: SimulatedContainer = {
    ...base('shop-db-1', images.postgres, now - 3 * HOUR - 42 * SECOND),
    command: 'docker-entrypoint.sh postgres',
    program: 'postgres',
    labels: composeLabels('db', null),
    state: 'running',
    tty: false,
    pidHost: false,
    network: { mode: 'attached', attachments: [{ network: 'shop_default', ip: '172.18.0.2' }] },
    ports: [tcp(5432)],
    mounts: [{ type: 'volume', source: 'shop_db-data', destination: '/var/lib/postgresql/data', mode: 'z', rw: true }],
    memory: 1024 * MiB,
    nanoCpus: 2_000_000_000,
    runs: [running(upSince, 2702, 4026532280)],
  };
  const redis: SimulatedContainer = {
    ...base('redis', images.redis, now - 26 * HOUR - 5 * SECOND),
    command: 'docker-entrypoint.sh redis-server --loglevel verbose',
    program: 'redis',
    labels: {},
    state: 'exited',
    tty: false,
    pidHost: false,
    network: { mode: 'attached', attachments: [{ network: 'bridge', ip: '172.17.0.2' }] },
    ports: [tcp(6379)],
    mounts: [{ type: 'volume', source: redisVolume, destination: '/data', mode: '', rw: true }],
    memory: null,
    nanoCpus: null,
    runs: [{ start: now - 26 * HOUR, end: now - 2 * HOUR, exitCode: 0, pauses: [], hostPid: 2155, inodeBase: 4026532272 }],
  };
  const monitor: SimulatedContainer = {
    ...base('monitor', images.monitor, now - 2 * DAY - 5 * HOUR),
    command: '/bin/monitor --interval 1500ms',
    program: 'monitor',
    labels: { 'org.opencontainers.image.title': 'lightdock monitor' },
    state: 'running',
    restartCount: 1,
    tty: true,
    pidHost: true,
    network: { mode: 'host' },
    ports: [],
    mounts: [{ type: 'bind', source: '/proc', destination: '/host/proc', mode: 'ro', rw: false }],
    memory: 64 * MiB,
    nanoCpus: 250_000_000,
    runs: [running(now - 2 * DAY - 4 * HOUR, 1533, 4026532264)],
  };
  const sidecar: SimulatedContainer = {
    ...base('sidecar', images.busybox, now - 2 * HOUR - 58 * MINUTE),
    command: "/bin/sh -c 'while :; do wget -qO- http://127.0.0.1/healthz; sleep 2; done'",
    program: 'sidecar',
    labels: {},
    state: 'running',
    tty: false,
    pidHost: false,
    network: { mode: 'container', container: web.id },
    ports: [],
    mounts: [],
    memory: 16 * MiB,
    nanoCpus: null,
    runs: [running(now - 2 * HOUR - 58 * MINUTE + SECOND, 2912, 4026532304)],
  };
  return {
    schema: 1,
    containers: [db, api, web, redis, monitor, sidecar],
    images: Object.values(images),
    volumes: [
      {
        name: 'shop_db-data',
        driver: 'local',
        createdAt: new Date(now - 12 * DAY).toISOString(),
        labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.volume': 'db-data', 'com.docker.compose.version': '2.29.7' },
        sizeBytes: 48 * MiB,
      },
      { name: redisVolume, driver: 'local', createdAt: new Date(now - 26 * HOUR).toISOString(), labels: {}, sizeBytes: 2_154_112 },
      { name: 'scratch', driver: 'local', createdAt: new Date(now - 9 * DAY).toISOString(), labels: {}, sizeBytes: 311 * MiB },
    ],
    networks: [
      { id: simulatedId('network', 'bridge'), name: 'bridge', driver: 'bridge', scope: 'local', subnet: '172.17.0.0/16', gateway: '172.17.0.1' },
      { id: simulatedId('network', 'host'), name: 'host', driver: 'host', scope: 'local', subnet: null, gateway: null },
      { id: simulatedId('network', 'none'), name: 'none', driver: 'null', scope: 'local', subnet: null, gateway: null },
      { id: simulatedId('network', 'shop_default'), name: 'shop_default', driver: 'bridge', scope: 'local', subnet: '172.18.0.0/16', gateway: '172.18.0.1' },
    ],
    events: [],
    nextSeq: 1,
    nextHostPid: 3100,
    nextInode: 4026532400,
  };
}
