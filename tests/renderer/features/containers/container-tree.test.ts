import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../shared/model/container';
import { groupByProject, nextSorting, projectRowId, visibleRows, type VisibleRow } from '../../../../renderer/src/features/containers/container-tree';
import { SEEDED_CONTAINERS } from '../../fake-engine';

function container(name: string, composeProject: string | null, state: ContainerSummary['state'] = 'running', image = 'busybox'): ContainerSummary {
  const template = SEEDED_CONTAINERS[0] as ContainerSummary;
  return { ...template, id: `${name}-id`, name, composeProject, state, image };
}

function names(rows: readonly VisibleRow[]): string[] {
  return rows.map(({ node, depth }) => `${'  '.repeat(depth)}${node.kind === 'project' ? `[${node.project}]` : node.container.name}`);
}

const LIST = [
  container('web-10', 'shop'),
  container('solo', null, 'exited', 'alpine'),
  container('web-2', 'shop', 'exited'),
  container('api', 'billing', 'paused', 'node'),
  container('alpha', null, 'running', 'redis'),
];

describe('groupByProject', () => {
  it('puts each Compose project first (alphabetically, members by name with numbers compared as numbers), then the rest by name', () => {
    expect(names(visibleRows(groupByProject(LIST), null, new Set()))).toEqual([
      '[billing]',
      '  api',
      '[shop]',
      '  web-2',
      '  web-10',
      'alpha',
      'solo',
    ]);
  });

  it('gives a project row an id no container id can take, and keeps the project members', () => {
    const [billing] = groupByProject(LIST);
    expect(billing?.id).toBe(projectRowId('billing'));
    expect(billing?.kind === 'project' && billing.containers.map((member) => member.name)).toEqual(['api']);
  });
});

describe('visibleRows', () => {
  it('leaves out the containers of a collapsed project but keeps its row', () => {
    expect(names(visibleRows(groupByProject(LIST), null, new Set([projectRowId('shop')])))).toEqual(['[billing]', '  api', '[shop]', 'alpha', 'solo']);
  });

  it('sorts every level on its own, so a project keeps its containers beneath it', () => {
    expect(names(visibleRows(groupByProject(LIST), { key: 'name', desc: true }, new Set()))).toEqual([
      'solo',
      '[shop]',
      '  web-10',
      '  web-2',
      '[billing]',
      '  api',
      'alpha',
    ]);
  });

  it('breaks ties of the sorted column by name', () => {
    expect(names(visibleRows(groupByProject(LIST), { key: 'state', desc: false }, new Set()))).toEqual([
      '[billing]',
      '  api',
      '[shop]',
      '  web-2',
      '  web-10',
      'solo',
      'alpha',
    ]);
  });
});

describe('nextSorting', () => {
  it('cycles ascending, descending, then the grouped order; another column starts ascending', () => {
    const ascending = nextSorting(null, 'name');
    expect(ascending).toEqual({ key: 'name', desc: false });
    const descending = nextSorting(ascending, 'name');
    expect(descending).toEqual({ key: 'name', desc: true });
    expect(nextSorting(descending, 'name')).toBeNull();
    expect(nextSorting(descending, 'image')).toEqual({ key: 'image', desc: false });
  });
});
