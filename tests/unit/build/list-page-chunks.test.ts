import { describe, expect, it } from 'vitest';
import { listPageChunkName } from '../../../build/list-page-chunks.mjs';

/** A module graph of static imports, as rolldown's chunking context reads it. */
function graph(imports: Record<string, string[]>): { getModuleInfo: (id: string) => { importedIds: string[] } | null } {
  return { getModuleInfo: (id) => (id in imports ? { importedIds: imports[id] ?? [] } : null) };
}

describe('listPageChunkName', () => {
  const ctx = graph({
    '/c.tsx': ['/only-c.ts', '/shared.ts'],
    '/d.tsx': ['/shared.ts', '/only-d.ts'],
    '/i.tsx': ['/only-i.ts'],
    '/only-c.ts': [],
    '/only-d.ts': ['/deep.ts'],
    '/only-i.ts': ['/deep.ts'],
    '/shared.ts': ['/deep.ts', '/shared.ts'],
    '/deep.ts': [],
    '/detail-page.tsx': ['/shared.ts'],
  });

  it('names each module after the set of list pages whose static graph holds it, through cycles and depth', () => {
    const name = listPageChunkName({ c: '/c.tsx', d: '/d.tsx', i: '/i.tsx' });
    expect(name('/c.tsx', ctx)).toBe('list-c');
    expect(name('/only-c.ts', ctx)).toBe('list-c');
    expect(name('/shared.ts', ctx)).toBe('list-cd');
    expect(name('/only-d.ts', ctx)).toBe('list-d');
    expect(name('/only-i.ts', ctx)).toBe('list-i');
    expect(name('/deep.ts', ctx)).toBe('list-cdi');
  });

  it('leaves a module no list page reaches, or one the graph does not know, to the default split', () => {
    const name = listPageChunkName({ c: '/c.tsx', d: '/d.tsx', i: '/i.tsx' });
    expect(name('/detail-page.tsx', ctx)).toBeNull();
    expect(name('/unknown.ts', ctx)).toBeNull();
  });
});
