import type { JobSummary } from '../../../../shared/model/job';
import { lazyPart } from '../../components/lazy-part';
import { useJobs } from '../jobs/useJobs';

const IMAGE_JOB_KINDS = ['pull', 'push', 'build'] as const;

// The panel's list (chips, progress bars) loads once there is a job to list: most visits have none.
const JobsPanel = lazyPart(() => import('../jobs/JobsPanel').then((m) => m.JobsPanel));

/** Loads the jobs list's code ahead of the first job. */
export const preloadImageJobsList = JobsPanel.preload;

/** Props of the image jobs panel: what to do when a job ends, and how a job's dialog is reopened. */
export interface ImageJobsPanelProps {
  onEnded: (job: JobSummary) => void;
  onShow: (job: JobSummary) => void;
}

/**
 * The running and recent pulls, pushes and builds. It keeps their pushes to itself: a running pull re-renders this
 * panel only, never the page and its images table around it.
 */
export function ImageJobsPanel({ onEnded, onShow }: ImageJobsPanelProps): React.JSX.Element | null {
  const { jobs } = useJobs(IMAGE_JOB_KINDS, onEnded);
  return jobs.length === 0 ? null : <JobsPanel jobs={jobs} onShow={onShow} />;
}
