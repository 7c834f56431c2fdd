import { memo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { JobLayer, JobSummary } from '../../../../shared/model/job';
import { formatBytes } from '../../components/format-bytes';
import { describeIpcError } from '../../ipc/ipc-error';
import { LogViewport } from '../container-detail/LogViewport';
import type { NumberedLine } from '../container-detail/useLogStream';
import type { FollowedJob } from './useJob';

/** A job's state in words and the colour of its chip. */
export const JOB_STATE_WORDS: Record<JobSummary['state'], { label: string; color: 'primary' | 'success' | 'error' | 'default' }> = {
  running: { label: 'Running', color: 'primary' },
  succeeded: { label: 'Done', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

function layerText(layer: JobLayer): string {
  if (layer.total !== null && layer.total > 0 && !layer.done) return `${layer.status} ${formatBytes(layer.current ?? 0)} of ${formatBytes(layer.total)}`;
  return layer.status;
}

// The rows' styles are made once: a pull re-renders its layer rows many times a second.
const ROW_HEAD_SX = { display: 'flex', justifyContent: 'space-between', gap: 2 } as const;
const LAYER_ID_SX = { fontFamily: 'monospace' } as const;
const DONE_TEXT_SX = { color: 'success.main', textAlign: 'end', overflowWrap: 'anywhere' } as const;
const RUNNING_TEXT_SX = { color: 'text.secondary', textAlign: 'end', overflowWrap: 'anywhere' } as const;
const LAYER_BAR_SX = { height: 4, borderRadius: 2 } as const;

function sameLayer(a: { layer: JobLayer }, b: { layer: JobLayer }): boolean {
  const [x, y] = [a.layer, b.layer];
  return x.id === y.id && x.status === y.status && x.current === y.current && x.total === y.total && x.done === y.done;
}

/** One layer's row; it renders again only when that layer changed, not on every push of the job. */
const LayerRow = memo(function LayerRow({ layer }: { layer: JobLayer }): React.JSX.Element {
  const percent = layer.done ? 100 : layer.total !== null && layer.total > 0 ? Math.min(100, ((layer.current ?? 0) / layer.total) * 100) : 0;
  return (
    <Box role="listitem" aria-label={`Layer ${layer.id.slice(0, 12)}: ${layerText(layer)}`}>
      <Box sx={ROW_HEAD_SX}>
        <Typography variant="body2" component="code" sx={LAYER_ID_SX}>
          {layer.id.slice(0, 12)}
        </Typography>
        <Typography variant="body2" sx={layer.done ? DONE_TEXT_SX : RUNNING_TEXT_SX}>
          {layerText(layer)}
        </Typography>
      </Box>
      <LinearProgress variant="determinate" value={percent} color={layer.done ? 'success' : 'primary'} sx={LAYER_BAR_SX} aria-hidden />
    </Box>
  );
}, sameLayer);

/** A build's current step from its output ("Step 3/7 : RUN make"), the newest one printed, if any. */
export function currentBuildStep(lines: readonly NumberedLine[]): { text: string; index: number; count: number } | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]?.text ?? '';
    const step = /^Step (\d+)\/(\d+) : /.exec(text);
    if (step !== null) return { text, index: Number(step[1]), count: Number(step[2]) };
  }
  return undefined;
}

function layersDone(layers: readonly JobLayer[]): string {
  const done = layers.filter((layer) => layer.done).length;
  return `${done} of ${layers.length} ${layers.length === 1 ? 'layer' : 'layers'} complete`;
}

/** Props of the job view: the followed job, and whether to show its output log (builds and Compose runs). */
export interface JobProgressViewProps {
  followed: FollowedJob;
  showLog: boolean;
  /** The log's accessible name ("Build log", "Compose output"). */
  logLabel?: string;
}

/**
 * One job on screen: title, state, overall progress (determinate when the engine gave sizes), each layer with its
 * status and bytes, the output log (windowed, following the newest line until scrolled up), the error, and Cancel.
 */
export function JobProgressView({ followed, showLog, logLabel = 'Output' }: JobProgressViewProps): React.JSX.Element {
  const { job, lines, droppedLines, cancelling, cancelError, loadError, cancel } = followed;
  const [follow, setFollow] = useState(true);
  if (job === undefined) {
    if (loadError !== undefined) return <Alert severity="error">Could not read this job: {describeIpcError(loadError)}</Alert>;
    return <LinearProgress aria-label="Starting" />;
  }
  const state = JOB_STATE_WORDS[job.state];
  const step = job.kind === 'build' && job.state === 'running' ? currentBuildStep(lines) : undefined;
  const progress = job.progress ?? (step !== undefined && step.count > 0 ? Math.min(1, (step.index - 1) / step.count) : null);
  return (
    <Stack spacing={1.5} role="group" aria-label={job.title}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1, overflowWrap: 'anywhere' }}>
          {job.title}
        </Typography>
        <Chip size="small" label={state.label} color={state.color} />
        {job.state === 'running' && job.cancellable && (
          <Button size="small" color="inherit" variant="outlined" onClick={cancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
      </Box>
      {job.state === 'running' && (
        <LinearProgress
          variant={progress === null ? 'indeterminate' : 'determinate'}
          value={progress === null ? undefined : progress * 100}
          aria-label={`${job.title} progress`}
        />
      )}
      <Typography variant="body2" color="text.secondary" role="status" sx={{ overflowWrap: 'anywhere' }}>
        {step?.text ?? job.message}
      </Typography>
      {job.layers.length > 0 && (
        <>
          <Typography variant="caption" color="text.secondary">
            {layersDone(job.layers)}
          </Typography>
          <Stack spacing={0.75} role="list" aria-label="Layers">
            {job.layers.map((layer) => (
              <LayerRow key={layer.id} layer={layer} />
            ))}
          </Stack>
        </>
      )}
      {job.state === 'failed' && job.error !== undefined && <Alert severity="error">{job.error.message}</Alert>}
      {cancelError !== undefined && <Alert severity="error">Could not cancel: {describeIpcError(cancelError)}</Alert>}
      {showLog && (
        <>
          {droppedLines > 0 && (
            <Typography variant="caption" color="text.secondary">
              {droppedLines} earlier lines are not shown.
            </Typography>
          )}
          <LogViewport label={logLabel} lines={lines} showTimestamps={false} follow={follow} onScrolledAway={() => setFollow(false)} />
          {!follow && (
            <Button size="small" onClick={() => setFollow(true)} sx={{ alignSelf: 'flex-start' }}>
              Follow the newest line
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
