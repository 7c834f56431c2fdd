import fs from 'node:fs/promises';
import path from 'node:path';

/** A VHDX as the host's filesystem reports it. */
export interface VhdxFile {
  path: string;
  sizeBytes: number;
  /** True when fewer bytes are allocated than the file's length (a sparse file with holes). */
  sparse: boolean;
}

/** Joins the registry's `BasePath` and `VhdFileName` with Windows rules for a Windows path, POSIX rules otherwise. */
export function vhdxPath(basePath: string, fileName: string): string {
  return /^(?:[A-Za-z]:[\\/]|\\\\)/.test(basePath) ? path.win32.join(basePath, fileName) : path.posix.join(basePath, fileName);
}

/**
 * Stats the VHDX: its length, and whether it is sparse, read from the allocation (`blocks` × 512, which
 * libuv fills from NTFS's AllocationSize on Windows). Null when the file cannot be reached.
 */
export async function statVhdx(filePath: string): Promise<VhdxFile | null> {
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) return null;
    const allocated = typeof stat.blocks === 'number' ? stat.blocks * 512 : stat.size;
    return { path: filePath, sizeBytes: stat.size, sparse: allocated < stat.size };
  } catch {
    return null;
  }
}
