/** What the chunk-naming function reads of the module graph: a module's static imports, or null for an unknown id. */
export interface ChunkingGraph {
  getModuleInfo(moduleId: string): { importedIds: readonly string[] } | null;
}

/** A codeSplitting group `name` function naming each module after the set of list pages whose static graph holds it. */
export function listPageChunkName(pages: Readonly<Record<string, string>>): (moduleId: string, ctx: ChunkingGraph) => string | null;
