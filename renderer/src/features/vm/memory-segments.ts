import type { VmMemory } from '../../../../shared/model/vm';

/** One slice of the memory bar: a label, its bytes, and its share of the limit (0 to 1). */
export interface MemorySegment {
  id: 'used' | 'cache' | 'free';
  label: string;
  bytes: number;
  share: number;
}

/**
 * Splits the VM's memory limit into what processes use, the page cache, and what the VM holds from the host but
 * does not use; each share is clamped so the three never exceed the limit (the rest is not assigned yet).
 */
export function memorySegments(memory: VmMemory): MemorySegment[] {
  const limit = memory.limitBytes;
  const share = (bytes: number): number => (limit > 0 ? Math.min(1, Math.max(0, bytes / limit)) : 0);
  const used = share(memory.usedBytes);
  const cache = Math.min(1 - used, share(memory.pageCacheBytes));
  const freeBytes = Math.max(0, memory.assignedBytes - memory.usedBytes - memory.pageCacheBytes);
  const free = Math.min(1 - used - cache, share(freeBytes));
  return [
    { id: 'used', label: 'Used by processes', bytes: memory.usedBytes, share: used },
    { id: 'cache', label: 'Page cache', bytes: memory.pageCacheBytes, share: cache },
    { id: 'free', label: 'Assigned, free', bytes: freeBytes, share: free },
  ];
}
