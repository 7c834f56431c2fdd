import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import CleaningServicesOutlined from '@mui/icons-material/CleaningServicesOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import type { MemoryActionResult, MemoryReport } from '../../../../shared/model/memory';
import { formatBytes } from '../../components/format-bytes';
import { describeIpcError } from '../../ipc/ipc-error';
import { figureChanges } from './memory-figures';
import { heaviestContainers } from './memory-tree';
import { StopContainersDialog } from './StopContainersDialog';
import type { MemoryModel } from './useMemory';

/** How many of the heaviest containers the stop dialog offers. */
export const HEAVIEST_OFFERED = 8;

function ResultAlert({ result, onClose }: { result: MemoryActionResult; onClose: () => void }): React.JSX.Element {
  return (
    <Alert severity="success" onClose={onClose} aria-label={result.action === 'reclaim' ? 'Reclaim result' : 'Stop result'}>
      <AlertTitle>{result.action === 'reclaim' ? 'Page cache reclaimed' : `Stopped ${result.stopped.join(', ')}`}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {figureChanges(result).map((change) => (
          <li key={change.key}>{change.text}</li>
        ))}
      </Box>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {result.message}
      </Typography>
    </Alert>
  );
}

/**
 * The actions that show their effect: "Reclaim page cache" and "Stop heaviest containers" (a dialog to choose and
 * confirm), each with progress while it runs (every control disabled meanwhile), its error, and its result as the
 * figures before → after.
 */
export function MemoryActions({ model, report }: { model: MemoryModel; report: MemoryReport }): React.JSX.Element {
  const [dialogOpen, setDialogOpen] = useState(false);
  const busy = model.running !== undefined;
  const heaviest = heaviestContainers(report.roots, HEAVIEST_OFFERED);
  const vm = report.vm;
  const canReclaim = vm !== null && vm.assignedBytes > 0;
  const stopFailed = model.lastResult === undefined && model.actionError !== undefined && dialogOpen;
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button
          variant="outlined"
          disabled={busy || !canReclaim}
          startIcon={model.running === 'reclaim' ? <CircularProgress size={16} aria-hidden /> : <CleaningServicesOutlined />}
          onClick={() => {
            model.clearResult();
            void model.reclaim();
          }}
        >
          {model.running === 'reclaim' ? 'Reclaiming page cache…' : 'Reclaim page cache'}
        </Button>
        <Button
          variant="outlined"
          color="error"
          disabled={busy || heaviest.length === 0}
          startIcon={model.running === 'stop-containers' ? <CircularProgress size={16} aria-hidden /> : <StopCircleOutlined />}
          onClick={() => {
            model.clearResult();
            setDialogOpen(true);
          }}
        >
          Stop heaviest containers
        </Button>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {canReclaim
          ? `The VM holds ${formatBytes(vm.pageCacheBytes)} of page cache the host could use; reclaiming drops it (files are read from disk again when needed).`
          : 'No WSL VM is running, so there is no page cache to reclaim.'}
        {heaviest.length === 0 ? ' No container is running.' : ''}
      </Typography>
      {model.actionError !== undefined && !stopFailed && (
        <Alert severity="error" onClose={model.clearResult}>
          The action failed: {describeIpcError(model.actionError)}
        </Alert>
      )}
      {model.lastResult !== undefined && <ResultAlert result={model.lastResult} onClose={model.clearResult} />}
      <StopContainersDialog
        key={dialogOpen ? 'open' : 'closed'}
        open={dialogOpen}
        containers={heaviest}
        running={model.running === 'stop-containers'}
        error={stopFailed ? model.actionError : undefined}
        onClose={() => setDialogOpen(false)}
        onStop={(refs) =>
          void model.stopContainers(refs).then((stopped) => {
            if (stopped) setDialogOpen(false);
          })
        }
      />
    </Box>
  );
}
