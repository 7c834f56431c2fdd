// Chunk names for the list pages' code: a cold load of Containers, Distros or Images fetches the entry and at most
// four more files, where it fetched up to twenty-one (each a request, a compile and a task before the page can run).

/** The modules `start` reaches through static imports. */
function staticClosure(start, getModuleInfo) {
  const seen = new Set();
  const pending = [start];
  while (pending.length > 0) {
    const id = pending.pop();
    if (seen.has(id)) continue;
    const info = getModuleInfo(id);
    if (info === null) continue;
    seen.add(id);
    pending.push(...info.importedIds);
  }
  return seen;
}

/**
 * A codeSplitting group `name` function: each module in a list page's static graph is named after the set of list
 * pages whose graph holds it (`list-c`, `list-cd`, `list-cdi`, …), so a page's first paint takes one file per set it
 * belongs to (at most four for three pages) instead of one per set of every dynamic import that shares a module
 * (twenty-one for Containers). The entry's code stays in a group of higher priority; other pages import from these
 * files as they need; a module no list page reaches is left to the default split (null). The graph is read once, as
 * imported, before tree-shaking: a module a page imports but does not use still counts for it.
 * `pages` maps a letter to a list page's absolute source path.
 */
export function listPageChunkName(pages) {
  let names = null;
  return (moduleId, ctx) => {
    if (names === null) {
      const get = (id) => ctx.getModuleInfo(id);
      names = new Map();
      for (const [letter, source] of Object.entries(pages)) {
        for (const id of staticClosure(source, get)) names.set(id, `${names.get(id) ?? ''}${letter}`);
      }
    }
    const letters = names.get(moduleId);
    return letters === undefined ? null : `list-${letters}`;
  };
}
