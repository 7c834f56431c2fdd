import { describe, expect, it } from 'vitest';
import { MemorySample } from '../../../../shared/model/memory';
import { OTHERS, keepHeaviest } from '../../../../electron/services/metrics/heaviest';
import { MAX_NAMED_IN_SAMPLE, bytesOf, sampleOfReport } from '../../../../electron/services/metrics/sample-of-report';
import { mib, node, reportOf } from './report-fixture';

describe('sampleOfReport', () => {
  it('derives each level from the breakdown: host used, VM assigned, VM used (distros + system), page cache', () => {
    const report = reportOf({
      hostTotal: 16384,
      hostFree: 4096,
      vmSystem: 200,
      vmPageCache: 500,
      vmFree: 1000,
      distros: [
        { name: 'Ubuntu', other: 300, containers: [{ name: 'web', bytes: 100 }, { name: 'db', bytes: 250 }] },
        { name: 'Debian', other: 50 },
      ],
    });
    const sample = sampleOfReport(report, 1_700_000_000_123);
    expect(sample).toEqual({
      t: 1_700_000_000_123,
      hostUsedBytes: mib(16384 - 4096),
      vmAssignedBytes: mib(200 + 500 + 1000 + 650 + 50),
      vmUsedBytes: mib(650 + 50 + 200),
      vmPageCacheBytes: mib(500),
      distros: { Ubuntu: mib(650), Debian: mib(50) },
      containers: { web: mib(100), db: mib(250) },
    });
    expect(MemorySample.safeParse(sample).success).toBe(true);
  });

  it('takes containers from every root (the Linux machine the engine runs on) and sums a name seen twice', () => {
    const report = reportOf({ distros: [{ name: 'Ubuntu', other: 10, containers: [{ name: 'web', bytes: 5 }] }], linuxContainers: [{ name: 'web', bytes: 7 }, { name: 'cache', bytes: 3 }] });
    const sample = sampleOfReport(report, 0);
    expect(sample.containers).toEqual({ web: mib(12), cache: mib(3) });
    expect(sample.hostUsedBytes).toBe(mib(16384 - 4096));
  });

  it('names the 16 heaviest containers and sums the rest under (others)', () => {
    const containers = Array.from({ length: 100 }, (_, index) => ({ name: `c${String(index).padStart(3, '0')}`, bytes: index + 1 }));
    const sample = sampleOfReport(reportOf({ distros: [], linuxContainers: containers }), 0);
    const names = Object.keys(sample.containers);
    expect(names).toHaveLength(MAX_NAMED_IN_SAMPLE + 1);
    expect(sample.containers['c099']).toBe(mib(100));
    expect(sample.containers['c084']).toBe(mib(85));
    expect(sample.containers['c083']).toBeUndefined();
    const othersMib = Array.from({ length: 84 }, (_, index) => index + 1).reduce((sum, value) => sum + value, 0);
    expect(sample.containers[OTHERS]).toBe(mib(othersMib));
    const total = Object.values(sample.containers).reduce((sum, bytes) => sum + bytes, 0);
    expect(total).toBe(mib((100 * 101) / 2));
  });

  it('has no (others) when 16 containers or fewer run, and empty records when none do', () => {
    const sixteen = Array.from({ length: 16 }, (_, index) => ({ name: `c${index}`, bytes: 1 }));
    expect(Object.keys(sampleOfReport(reportOf({ distros: [], linuxContainers: sixteen }), 0).containers)).not.toContain(OTHERS);
    const empty = sampleOfReport(reportOf({ distros: [] }), 0);
    expect(empty.containers).toEqual({});
    expect(empty.distros).toEqual({});
    expect(empty.vmUsedBytes).toBe(mib(200));
  });

  it('turns figures the schema would refuse into non-negative integers and never reports negative host use', () => {
    const report = reportOf();
    report.roots[0] = node('host', 'Windows', 100, [node('host-free', 'free', 500), node('vm', 'vm', Number.NaN, [node('vm-page-cache', 'cache', 10.6)])]);
    const sample = sampleOfReport(report, 5.4);
    expect(sample.hostUsedBytes).toBe(0);
    expect(sample.vmAssignedBytes).toBe(0);
    expect(sample.vmPageCacheBytes).toBe(11);
    expect(sample.t).toBe(5);
    expect(MemorySample.safeParse(sample).success).toBe(true);
  });
});

describe('keepHeaviest and bytesOf', () => {
  it('orders ties by name and folds a figure already named (others) into the sum', () => {
    const kept = keepHeaviest(
      new Map([
        ['b', 5],
        ['a', 5],
        [OTHERS, 2],
        ['c', 1],
      ]),
      2,
    );
    expect(kept).toEqual({ a: 5, b: 5, [OTHERS]: 3 });
  });

  it('clamps what is not a non-negative integer', () => {
    expect([bytesOf(-1), bytesOf(Number.POSITIVE_INFINITY), bytesOf(2.5), bytesOf(7)]).toEqual([0, 0, 3, 7]);
  });
});
