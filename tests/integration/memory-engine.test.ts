import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryReport, type MemoryNode } from '../../shared/model/memory';
import type { Services } from '../../electron/hosts/common/compose-services';
import { DockerodeEngine } from '../../electron/services/docker/dockerode/dockerode-engine';
import { allNodes } from '../../electron/services/memory/memory-figures';
import { silentLogger } from '../../electron/services/ports';
import { composeTestServices } from '../helpers/compose-test-services';
import { dockerAt, dockerdScript, TEST_IMAGE } from '../helpers/docker-engine';

// The memory breakdown against a real engine on this Linux machine: a private dockerd with two containers that
// have memory limits. The report must put them under this machine's root with their limits, every node's
// children must add up, and stopping them through the service must lower the containers' total.

const MIB = 1024 ** 2;
const FLAGS = ['--iptables=false', '--ip-masq=false'];
const run = Math.random().toString(36).slice(2, 8);
const small = `ld-mem-${run}-small`;
const large = `ld-mem-${run}-large`;
const greedy = `ld-mem-${run}-greedy`;

let dir: string;
let host: string;
let dataDir: string;
let services: Services;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-mem-'));
  dataDir = path.join(dir, 'lightdock');
  host = await dockerdScript('start', path.join(dir, 'engine'), FLAGS);
  for (const [name, memory] of [
    [small, '64m'],
    [large, '128m'],
  ] as const) {
    await dockerAt(host, ['run', '-d', '--network', 'none', '--stop-timeout', '1', '--memory', memory, '--name', name, TEST_IMAGE, 'sleep', '600']);
  }
  await dockerAt(host, ['run', '-d', '--network', 'none', '--memory', '8m', '--memory-swap', '8m', '--name', greedy, TEST_IMAGE, 'sh', '-c', 'a=aaaaaaaa; while :; do a=$a$a; done']);
  await dockerAt(host, ['wait', greedy]);
  services = composeTestServices(dataDir, { DOCKER_HOST: host, LIGHTDOCK_ENGINE: 'docker', HOME: dir }).services;
}, 120_000);

afterAll(async () => {
  services?.dispose();
  if (host !== undefined) await dockerAt(host, ['rm', '-f', small, large, greedy]).catch(() => undefined);
  await dockerdScript('stop', path.join(dir, 'engine')).catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}, 120_000);

function sumFaults(nodes: readonly MemoryNode[]): string[] {
  return nodes.flatMap((n) => [
    ...(n.children.length > 0 && n.children.reduce((acc, c) => acc + c.bytes, 0) !== n.bytes ? [`${n.id} does not add up`] : []),
    ...(n.bytes < 0 ? [`${n.id} is negative`] : []),
    ...sumFaults(n.children),
  ]);
}

describe('memory breakdown with a real engine on this Linux machine', () => {
  it('puts both containers with their limits under a linux-host root, and every node adds up', async () => {
    const report = MemoryReport.parse(await services.memory.report());
    expect(report.placement.kind).toBe('linux-host');
    expect(report.roots).toHaveLength(2);
    const linux = report.roots[1] as MemoryNode;
    expect(linux.kind).toBe('host');
    const byName = new Map(linux.children.filter((c) => c.kind === 'container').map((c) => [c.label, c]));
    expect(byName.get(small)?.limitBytes).toBe(64 * MIB);
    expect(byName.get(large)?.limitBytes).toBe(128 * MIB);
    expect(byName.get(small)?.bytes).toBeGreaterThan(0);
    expect(linux.children.slice(-2).map((c) => c.kind)).toEqual(['host-other', 'host-free']);
    expect(sumFaults(report.roots)).toEqual([]);
    expect(allNodes(report).filter((n) => n.estimated && !n.estimate)).toEqual([]);
    expect(allNodes({ roots: [report.roots[0] as MemoryNode] }).filter((n) => n.kind === 'container')).toEqual([]);
  });

  it('warns of the container the kernel OOM-killed, as an error with an id per exit', async () => {
    const report = await services.memory.report();
    const finishedAt = (await dockerAt(host, ['inspect', '--format', '{{.State.FinishedAt}}', greedy])).trim();
    const warning = report.warnings.find((w) => w.kind === 'container-oom-killed');
    expect(warning).toMatchObject({ id: `container-oom-killed:${greedy}:${finishedAt}`, severity: 'error', subject: greedy });
  });

  it('reads the same containers through one-shot stats when the engine is not on this machine (no cgroup files)', async () => {
    const readings = new Map<string, { bytes: number; limitBytes: number | null }>();
    for (const platform of ['linux', 'darwin'] as const) {
      const engine = new DockerodeEngine({ endpoint: { host, context: null, source: 'DOCKER_HOST', tls: null }, env: {}, platform, logger: silentLogger });
      try {
        const use = await engine.memoryUse();
        expect(use.map((u) => u.name).sort()).toEqual([large, small].sort());
        for (const u of use) {
          expect(u.bytes).toBeGreaterThan(0);
          expect(u.bytes).toBeLessThanOrEqual(u.limitBytes ?? Infinity);
          readings.set(`${platform}:${u.name}`, u);
        }
      } finally {
        engine.close();
      }
    }
    expect(readings.get(`darwin:${small}`)?.limitBytes).toBe(64 * MIB);
    expect(readings.get(`linux:${large}`)?.limitBytes).toBe(128 * MIB);
  });

  it('stop-containers stops both, names them, and the containers\u2019 memory falls', async () => {
    const result = await services.memory.stopContainers([small, large]);
    expect([...result.stopped].sort()).toEqual([large, small].sort());
    expect(result.before.containersBytes).toBeGreaterThan(0);
    expect(result.after.containersBytes).toBeLessThan(result.before.containersBytes);
    expect(result.after.containersBytes).toBe(0);
    expect((await dockerAt(host, ['inspect', '--format', '{{.State.Running}}', small, large])).trim().split('\n')).toEqual(['false', 'false']);
    expect(sumFaults(result.report.roots)).toEqual([]);
  }, 60_000);
});
