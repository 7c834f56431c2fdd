import { describe, expect, it } from 'vitest';
import { mapCgroup, mapNamespaces, type HostFacts, type RawContainerInspect } from '../../../electron/services/docker/dockerode/map-container';
import { createBody } from '../../../electron/services/docker/dockerode/dockerode-run';
import { isolationPreview } from '../../../shared/model/isolation-preview';
import { defaultRunSpec } from '../../../shared/model/run-args';
import type { RunSpec } from '../../../shared/model/run-container';

const WEB = { id: 'a'.repeat(64), name: 'web' };
const resolve = (ref: string) => (ref === 'web' || ref === WEB.id ? WEB : undefined);
const MiB = 1024 * 1024;

function spec(overrides: Partial<RunSpec> & { network?: string }): RunSpec {
  const base = defaultRunSpec('busybox');
  const { network, ...rest } = overrides;
  return { ...base, ...rest, namespaces: { ...base.namespaces, ...rest.namespaces, ...(network === undefined ? {} : { network }) } };
}

/**
 * What dockerd records for a create body (the parts the detail reads): the daemon's defaults filled in as 20.10
 * does — NetworkMode container:<id> once resolved, MemorySwap twice Memory when unset, CgroupnsMode by cgroup version.
 */
function recorded(run: RunSpec, cgroupVersion: 1 | 2 | null): RawContainerInspect {
  const hc = createBody(run).HostConfig;
  const network = run.namespaces.network.startsWith('container:') ? `container:${resolve(run.namespaces.network.slice(10))?.id ?? ''}` : hc.NetworkMode;
  return {
    Id: 'b'.repeat(64),
    HostConfig: {
      NetworkMode: network,
      PidMode: hc.PidMode,
      IpcMode: hc.IpcMode,
      UTSMode: hc.UTSMode,
      UsernsMode: '',
      CgroupnsMode: cgroupVersion === 2 ? 'private' : 'host',
      Memory: hc.Memory,
      MemorySwap: hc.MemorySwap === 0 && hc.Memory > 0 ? hc.Memory * 2 : hc.MemorySwap,
      NanoCpus: hc.NanoCpus,
      PidsLimit: hc.PidsLimit ?? null,
    },
  };
}

function facts(cgroupVersion: 1 | 2 | null, usernsRemap: boolean): HostFacts {
  return { cgroupVersion, cgroupDriver: null, usernsRemap, inodes: null, cgroupPath: null, memoryUsageBytes: null, pidsCurrent: null };
}

describe('isolationPreview', () => {
  it('gives the default run its own namespaces, the host\'s user namespace and no limits', () => {
    const preview = isolationPreview(defaultRunSpec('busybox'), { cgroupVersion: 2, usernsRemap: false }, resolve);
    const own = { mode: 'private', container: null, inode: null };
    expect(preview.namespaces).toEqual({ pid: own, net: own, ipc: own, uts: own, mnt: own, user: { ...own, mode: 'host' }, cgroup: own });
    expect(preview.cgroup).toEqual({
      version: 2,
      path: null,
      memoryLimitBytes: null,
      memorySwapLimitBytes: null,
      nanoCpus: null,
      cpuQuota: null,
      cpuPeriod: null,
      cpuShares: null,
      pidsLimit: null,
      memoryUsageBytes: null,
      pidsCurrent: null,
    });
  });

  it('shares what the spec shares: the host\'s pid, ipc, uts and network, another container\'s network by id', () => {
    const host = isolationPreview(spec({ network: 'host', namespaces: { network: 'host', pid: 'host', ipc: 'host', uts: 'host' } }), { cgroupVersion: 1, usernsRemap: true }, resolve);
    expect(Object.fromEntries(Object.entries(host.namespaces).map(([kind, info]) => [kind, info.mode]))).toEqual({
      pid: 'host',
      net: 'host',
      ipc: 'host',
      uts: 'host',
      mnt: 'private',
      user: 'private',
      cgroup: 'host',
    });
    expect(isolationPreview(spec({ network: 'container:web' }), { cgroupVersion: 2, usernsRemap: false }, resolve).namespaces.net).toEqual({ mode: 'container', container: WEB.id, inode: null });
    expect(isolationPreview(spec({ network: 'container:gone' }), { cgroupVersion: 2, usernsRemap: false }, resolve).namespaces.net).toEqual({ mode: 'container', container: 'gone', inode: null });
    expect(isolationPreview(spec({ network: 'none' }), { cgroupVersion: 2, usernsRemap: false }, resolve).namespaces.net.mode).toBe('private');
    expect(isolationPreview(spec({ network: 'my-net' }), { cgroupVersion: 2, usernsRemap: false }, resolve).namespaces.net.mode).toBe('private');
  });

  it('shows the limits as the engine records them: swap twice the memory unless given, -1 and unset as unlimited', () => {
    const limited = isolationPreview(spec({ resources: { memoryBytes: 64 * MiB, memorySwapBytes: null, nanoCpus: 500_000_000, pidsLimit: 50 } }), { cgroupVersion: 1, usernsRemap: false }, resolve);
    expect(limited.cgroup).toMatchObject({ version: 1, memoryLimitBytes: 64 * MiB, memorySwapLimitBytes: 128 * MiB, nanoCpus: 500_000_000, pidsLimit: 50 });
    const unlimitedSwap = isolationPreview(spec({ resources: { memoryBytes: 64 * MiB, memorySwapBytes: -1, nanoCpus: null, pidsLimit: -1 } }), { cgroupVersion: null, usernsRemap: false }, resolve);
    expect(unlimitedSwap.cgroup).toMatchObject({ version: null, memorySwapLimitBytes: null, pidsLimit: null });
    expect(unlimitedSwap.namespaces.cgroup.mode).toBe('host');
  });

  it('agrees field by field with the detail page\'s mapping of what dockerd records', () => {
    const runs: RunSpec[] = [
      defaultRunSpec('busybox'),
      spec({ namespaces: { network: 'host', pid: 'host', ipc: 'host', uts: 'host' } }),
      spec({ namespaces: { network: 'container:web', pid: 'private', ipc: 'shareable', uts: 'private' } }),
      spec({ network: 'none', resources: { memoryBytes: 64 * MiB, memorySwapBytes: null, nanoCpus: 500_000_000, pidsLimit: 50 } }),
      spec({ network: 'backend', resources: { memoryBytes: 32 * MiB, memorySwapBytes: 48 * MiB, nanoCpus: 2_000_000_000, pidsLimit: -1 } }),
    ];
    for (const run of runs) {
      for (const [version, remap] of [[1, false], [2, false], [2, true], [null, false]] as const) {
        const preview = isolationPreview(run, { cgroupVersion: version, usernsRemap: remap }, resolve);
        const raw = recorded(run, version);
        expect(preview.namespaces).toEqual(mapNamespaces(raw, facts(version, remap)));
        expect(preview.cgroup).toEqual(mapCgroup(raw, facts(version, remap)));
      }
    }
  });
});
