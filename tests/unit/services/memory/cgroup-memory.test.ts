import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCgroupMemoryBytes } from '../../../../electron/services/docker/dockerode/cgroup-memory';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function write(relative: string, text: string): void {
  const file = path.join(temp.dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('readCgroupMemoryBytes', () => {
  it('reads cgroup v2 use less the inactive file cache', () => {
    write('system.slice/docker-abc.scope/memory.current', '10485760\n');
    write('system.slice/docker-abc.scope/memory.stat', 'anon 4096\nfile 8192\ninactive_file 1048576\nactive_file 0\n');
    expect(readCgroupMemoryBytes('/system.slice/docker-abc.scope', 2, temp.dir)).toBe(10485760 - 1048576);
  });

  it('reads cgroup v1 use less total_inactive_file under the memory controller', () => {
    write('memory/docker/abc/memory.usage_in_bytes', '2000000\n');
    write('memory/docker/abc/memory.stat', 'cache 10\ninactive_file 5\ntotal_inactive_file 500000\n');
    expect(readCgroupMemoryBytes('/docker/abc', 1, temp.dir)).toBe(1500000);
  });

  it('keeps the whole use when the stat is missing or bigger, and gives null for a missing or malformed figure', () => {
    write('a/memory.current', '1000\n');
    expect(readCgroupMemoryBytes('/a', 2, temp.dir)).toBe(1000);
    write('a/memory.stat', 'inactive_file 5000\n');
    expect(readCgroupMemoryBytes('/a', 2, temp.dir)).toBe(1000);
    expect(readCgroupMemoryBytes('/missing', 2, temp.dir)).toBeNull();
    write('b/memory.current', 'max\n');
    expect(readCgroupMemoryBytes('/b', 2, temp.dir)).toBeNull();
    write('c/memory.current', '99999999999999999999999\n');
    expect(readCgroupMemoryBytes('/c', 2, temp.dir)).toBeNull();
  });
});
