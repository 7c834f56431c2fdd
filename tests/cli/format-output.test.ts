import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../shared/model/container';
import type { Distro } from '../../shared/model/distro';
import { formatContainerTable } from '../../electron/hosts/cli/format-engine';
import { formatDistroTable, formatOnlineDistros, widest } from '../../electron/hosts/cli/format-output';

const ROWS = 200_000;

describe('CLI tables with very many rows (no spread into Math.max)', () => {
  it(`prints ${ROWS.toLocaleString('en')} distros, aligned on the longest name`, () => {
    const distros: Distro[] = Array.from({ length: ROWS }, (_, i) => ({ name: `d${i}`, state: 'Stopped', version: 2, isDefault: i === 0 }));
    distros[ROWS - 1] = { name: 'the-longest-name-of-all', state: 'Running', version: 1, isDefault: false };
    const lines = formatDistroTable(distros).split('\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[0]).toBe(`  ${'NAME'.padEnd(27)}${'STATE'.padEnd(16)}VERSION`);
    expect(lines[1]).toBe(`* ${'d0'.padEnd(27)}${'Stopped'.padEnd(16)}2`);
    expect(lines[ROWS]).toBe(`  ${'the-longest-name-of-all'.padEnd(27)}${'Running'.padEnd(16)}1`);
  });

  it(`prints ${ROWS.toLocaleString('en')} online distros`, () => {
    const lines = formatOnlineDistros(Array.from({ length: ROWS }, (_, i) => ({ name: `n${i}`, friendlyName: `N ${i}` }))).split('\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines.at(-1)).toBe(`${`n${ROWS - 1}`.padEnd(11)}N ${ROWS - 1}`);
  });

  it(`prints ${ROWS.toLocaleString('en')} containers`, () => {
    const container = (i: number): ContainerSummary => ({
      id: `${String(i).padStart(12, '0')}${'f'.repeat(52)}`,
      name: `c${i}`,
      image: 'busybox',
      imageId: 'sha256:x',
      command: 'sh',
      state: 'running',
      status: 'Up',
      created: 0,
      ports: [],
      composeProject: null,
      composeService: null,
      labels: {},
      networks: [],
      mounts: [],
    });
    const lines = formatContainerTable(Array.from({ length: ROWS }, (_, i) => container(i))).split('\n');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines.at(-1)).toMatch(/^000000199999 +busybox +Up +c199999$/);
  });

  it('widest is the minimum for no values and the largest otherwise', () => {
    expect(widest(4, [])).toBe(4);
    expect(widest(4, [1, 9, 3])).toBe(9);
    expect(widest(4, [2, 3])).toBe(4);
  });
});
