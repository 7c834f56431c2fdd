import { Session } from 'node:inspector/promises';

/** The share of the CPU samples (idle left out) that one source file, package, or Node's internals took. */
export interface ProfileShare {
  where: string;
  share: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

/** Where a frame's code lives: a repository path, `node_modules/<package>`, or null for Node's internals and native code. */
function placeOf(url: string, root: string): string | null {
  if (url === '' || url.startsWith('node:')) return null;
  const local = url.replace(/^file:\/\//, '').replace(root, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(local);
  return pkg ? `node_modules/${pkg[1]}` : local;
}

/**
 * Runs `work` under the inspector's sampling profiler and returns the share of the busy samples by place, largest
 * first: each sample counts for the nearest frame in the repository or a package (Node's `fs.readSync` called by
 * a repository file counts for that file); samples with no such frame are `node internals`; idle samples are
 * left out; garbage collection and the VM's own work are named as such. Counts samples (not their time deltas,
 * which swallow idle gaps).
 */
export async function profileShares(work: () => Promise<void>, root: string, intervalUs = 500): Promise<ProfileShare[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const counts = new Map<string, number>();
    let busy = 0;
    for (const id of profile.samples) {
      const name = byId.get(id)?.callFrame.functionName ?? '';
      if (name === '(idle)') continue;
      let where: string | null = name === '(garbage collector)' || name === '(program)' ? name : null;
      for (let current: number | undefined = id; where === null && current !== undefined; current = parent.get(current)) {
        where = placeOf(byId.get(current)?.callFrame.url ?? '', root);
      }
      const key = where ?? 'node internals';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      busy += 1;
    }
    return [...counts].map(([where, count]) => ({ where, share: count / Math.max(1, busy) })).sort((a, b) => b.share - a.share);
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}
