import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { JobSummary } from '../../../../shared/model/job';
import { JOB_STATE_WORDS } from './JobProgressView';

/** Ended jobs the panel lists at most, under every running one. */
export const ENDED_JOBS_SHOWN = 5;

/** The jobs a panel shows: every running one, then the latest ended ones. */
export function shownJobs(jobs: readonly JobSummary[]): JobSummary[] {
  const running = jobs.filter((job) => job.state === 'running');
  const ended = jobs.filter((job) => job.state !== 'running').slice(0, ENDED_JOBS_SHOWN);
  return [...running, ...ended];
}

function JobRow({ job, onShow }: { job: JobSummary; onShow: (job: JobSummary) => void }): React.JSX.Element {
  const state = JOB_STATE_WORDS[job.state];
  return (
    <ListItem divider sx={{ display: 'block', py: 1 }} aria-label={`${job.title}: ${state.label}`}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {job.title}
        </Typography>
        <Chip size="small" label={state.label} color={state.color} variant={job.state === 'running' ? 'filled' : 'outlined'} />
        <Button size="small" onClick={() => onShow(job)} aria-label={`Show ${job.title}`}>
          Show
        </Button>
      </Box>
      {job.state === 'running' && (
        <LinearProgress
          variant={job.progress === null ? 'indeterminate' : 'determinate'}
          value={job.progress === null ? undefined : job.progress * 100}
          aria-hidden
          sx={{ mt: 0.75, height: 3, borderRadius: 2 }}
        />
      )}
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
        {job.message}
      </Typography>
    </ListItem>
  );
}

/** Props of the jobs panel: the jobs (newest first) and how one is reopened. */
export interface JobsPanelProps {
  jobs: readonly JobSummary[];
  onShow: (job: JobSummary) => void;
}

/** A section named "Jobs" listing running and recent jobs, each with its state and a Show button; nothing when there are none. */
export function JobsPanel({ jobs, onShow }: JobsPanelProps): React.JSX.Element | null {
  const shown = shownJobs(jobs);
  if (shown.length === 0) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="jobs-panel-heading" sx={{ px: 2, pt: 1.5 }}>
      <Typography id="jobs-panel-heading" variant="subtitle2" component="h3">
        Jobs
      </Typography>
      <List dense disablePadding aria-labelledby="jobs-panel-heading">
        {shown.map((job) => (
          <JobRow key={job.id} job={job} onShow={onShow} />
        ))}
      </List>
    </Paper>
  );
}
