import type { PruneResult } from '../../../../shared/model/engine';
import { formatBytes } from '../../components/format-bytes';

/** What a prune did, in one sentence: "Deleted 2 images and reclaimed 12 MiB." or "Nothing to delete: …". */
export function describePrune(result: PruneResult, one: string, many: string): string {
  const count = result.deleted.length;
  if (count === 0) return `Nothing to delete: no ${one} matched.`;
  return `Deleted ${count} ${count === 1 ? one : many} and reclaimed ${formatBytes(result.reclaimedBytes)}.`;
}
