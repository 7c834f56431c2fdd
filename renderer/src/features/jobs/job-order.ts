import type { JobSummary } from '../../../../shared/model/job';

/** True when `candidate` should replace `current`: another job, or the same one at least as far along (ended beats running, more lines beat fewer). */
export function isNewerJob(candidate: JobSummary, current: JobSummary | undefined): boolean {
  if (current === undefined || current.id !== candidate.id) return true;
  if (current.state !== 'running' && candidate.state === 'running') return false;
  if (current.state === 'running' && candidate.state !== 'running') return true;
  return candidate.lineCount >= current.lineCount;
}
