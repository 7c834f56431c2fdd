import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { BuildRequest, ImageDetail, ImageLayer } from '../../shared/model/image-detail';
import type { FakeJobs } from './fake-jobs';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

const MIB = 1024 * 1024;

/** A seeded container's id as the fake engine makes it (its name in hex, padded to 64). */
function containerId(name: string): string {
  return Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64);
}

function layer(createdBy: string, sizeBytes: number, extra: Partial<ImageLayer> = {}): ImageLayer {
  return { id: null, createdBy, sizeBytes, created: 1_700_000_000, tags: [], comment: '', ...extra };
}

/** A long RUN step, so tests can see a command shortened and expanded. */
export const LONG_RUN_COMMAND = `/bin/sh -c set -x && apk add --no-cache ${Array.from({ length: 30 }, (_, index) => `package-${index}`).join(' ')} && rm -rf /var/cache/apk/*`;

/** The detail of the fake engine's images (the same ids as fake-engine's list): nginx with layers and a user, postgres, a dangling one. */
export function seededImageDetails(): ImageDetail[] {
  const base = { digests: [], architecture: 'amd64', os: 'linux' };
  return [
    {
      ...base,
      id: 'sha256:aaaa1111',
      tags: ['nginx:1.27-alpine'],
      sizeBytes: 48 * MIB,
      created: 1_700_000_000,
      containers: 1,
      dangling: false,
      digests: ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'],
      config: {
        cmd: ['nginx', '-g', 'daemon off;'],
        entrypoint: ['/docker-entrypoint.sh'],
        env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.27.3'],
        exposedPorts: ['80/tcp'],
        workingDir: null,
        user: null,
        volumes: [],
      },
      layers: [
        layer('/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]', 0, { id: 'sha256:aaaa1111', tags: ['nginx:1.27-alpine'] }),
        layer('/bin/sh -c #(nop)  EXPOSE 80', 0),
        layer(LONG_RUN_COMMAND, 30 * MIB),
        layer('/bin/sh -c #(nop) ADD file:abc in / ', 8 * MIB),
      ],
      usedBy: [{ id: containerId('shop-web-1'), name: 'shop-web-1', state: 'running' }],
    },
    {
      ...base,
      id: 'sha256:bbbb2222',
      tags: ['postgres:16'],
      sizeBytes: 420 * MIB,
      created: 1_700_000_000,
      containers: 1,
      dangling: false,
      config: { cmd: ['postgres'], entrypoint: null, env: [], exposedPorts: ['5432/tcp'], workingDir: null, user: 'postgres', volumes: ['/var/lib/postgresql/data'] },
      layers: [layer('CMD ["postgres"]', 0), layer('RUN /bin/sh -c apt-get install postgresql-16 # buildkit', 400 * MIB)],
      usedBy: [{ id: containerId('shop-db-1'), name: 'shop-db-1', state: 'running' }],
    },
    {
      ...base,
      id: 'sha256:cccc3333',
      tags: [],
      sizeBytes: 12 * MIB,
      created: 1_690_000_000,
      containers: 0,
      dangling: true,
      config: { cmd: null, entrypoint: null, env: [], exposedPorts: [], workingDir: null, user: null, volumes: [] },
      layers: [],
      usedBy: [],
    },
  ];
}

/**
 * The fake host's images:inspect, images:tag, images:pull, images:push and images:build. Inspect and tag work on
 * `details` (found by id, id prefix or tag); pull, push and build start a job in the shared FakeJobs, which a test then
 * moves with `jobs.progress` and `jobs.finish`.
 */
export class FakeImageActions {
  details: ImageDetail[] = seededImageDetails();

  /** `_emit` is the fake host's push (kept for the shared wiring; no image channel pushes by itself). */
  constructor(
    _emit: Emit,
    private readonly jobs: FakeJobs,
  ) {}

  /** The detail an id, id prefix (with or without `sha256:`) or tag names, if any. */
  find(ref: string): ImageDetail | undefined {
    const bare = ref.replace(/^sha256:/, '');
    return this.details.find((detail) => detail.tags.includes(ref) || detail.id === ref || detail.id.replace(/^sha256:/, '').startsWith(bare));
  }

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    switch (channel) {
      case 'images:inspect': {
        const found = this.find((request as { id: string }).id);
        return found === undefined ? fail('NOT_FOUND', `No such image: ${(request as { id: string }).id}`) : ok(structuredClone(found));
      }
      case 'images:tag': {
        const { source, target } = request as { source: string; target: string };
        const found = this.find(source);
        if (found === undefined) return fail('NOT_FOUND', `No such image: ${source}`);
        for (const detail of this.details) detail.tags = detail.tags.filter((tag) => tag !== target);
        found.tags = [...found.tags, target];
        found.dangling = false;
        return ok({ target });
      }
      case 'images:pull': {
        const { reference } = request as { reference: string };
        return ok(this.jobs.start('pull', reference, `Pull ${reference}`));
      }
      case 'images:push': {
        const { reference } = request as { reference: string };
        return ok(this.jobs.start('push', reference, `Push ${reference}`));
      }
      case 'images:build': {
        const build = request as BuildRequest;
        return ok(this.jobs.start('build', build.contextPath, `Build ${build.tag ?? build.contextPath}`));
      }
      default:
        return undefined;
    }
  }
}
