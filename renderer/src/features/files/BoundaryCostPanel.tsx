import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import SpeedOutlined from '@mui/icons-material/SpeedOutlined';
import type { BoundaryCost, FilesSubject } from '../../../../shared/model/files';
import { describeIpcError } from '../../ipc/ipc-error';
import type { BoundaryMeasureModel } from './useBoundaryMeasure';
import { formatMBps, slowdownText } from './files-words';

function CostFigures({ cost }: { cost: BoundaryCost }): React.JSX.Element {
  const rows: [string, string, string][] = [
    ['Windows drive', formatMBps(cost.windowsDrive.readMBps), formatMBps(cost.windowsDrive.writeMBps)],
    ['Linux (ext4)', formatMBps(cost.linux.readMBps), formatMBps(cost.linux.writeMBps)],
  ];
  return (
    <Box sx={{ display: 'grid', gap: 0.75 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2" component="p">
          Windows drive is {slowdownText(cost.slowdown)}
        </Typography>
        <Tooltip describeChild title={cost.method}>
          <Chip
            size="small"
            variant="outlined"
            tabIndex={0}
            color={cost.measured ? 'info' : 'warning'}
            label={cost.measured ? 'measured' : 'modelled'}
          />
        </Tooltip>
      </Box>
      <Box
        component="dl"
        aria-label={`Throughput in ${cost.distro}`}
        sx={{ display: 'grid', gridTemplateColumns: 'max-content max-content max-content', columnGap: 2, rowGap: 0.25, m: 0 }}
      >
        {rows.map(([where, read, write]) => (
          <Box key={where} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {where}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              read {read}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              write {write}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** Props of the cost panel: the subject, and (for a distro) the measuring model that times its boundary. */
export interface BoundaryCostPanelProps {
  subject: FilesSubject;
  measuring: BoundaryMeasureModel;
}

/**
 * What crossing the boundary costs in a distro: read/write MB/s on a Windows drive and in Linux, "N× slower", labelled
 * "modelled" or "measured" with the method in a tooltip; a Measure button for a running distro, with progress, Cancel
 * (stops waiting) and the error when it fails.
 */
export function BoundaryCostPanel({ subject, measuring }: BoundaryCostPanelProps): React.JSX.Element {
  const status = subject.kind === 'distro' ? measuring.statusOf(subject.id) : { state: 'idle' as const };
  const canMeasure = subject.kind === 'distro' && subject.running;
  return (
    <Box component="section" aria-label={`Cost of crossing the boundary in ${subject.name}`} sx={{ display: 'grid', gap: 1 }}>
      {subject.cost !== null ? (
        <CostFigures cost={subject.cost} />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {canMeasure
            ? 'The cost of crossing the boundary is not known yet: Measure times a short read and write on a Windows drive and in the distro.'
            : subject.kind === 'distro'
              ? 'Start the distro to measure what crossing the boundary costs.'
              : 'What crossing the boundary costs is measured per distro: Measure on a running distro on the Files page.'}
        </Typography>
      )}
      {status.state === 'running' && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="body2" color="text.secondary">
              Measuring {subject.name}: a short timed read and write on a Windows drive and in Linux…
            </Typography>
            <LinearProgress aria-label={`Measuring ${subject.name}`} />
          </Box>
          <Button size="small" onClick={() => measuring.cancel(subject.id)} aria-label={`Cancel measuring ${subject.name}`}>
            Cancel
          </Button>
        </Box>
      )}
      {status.state === 'failed' && (
        <Alert severity="error" onClose={() => measuring.dismiss(subject.id)}>
          Could not measure {subject.name}: {describeIpcError(status.error)}
        </Alert>
      )}
      {canMeasure && status.state !== 'running' && (
        <Box>
          <Button
            size="small"
            variant="outlined"
            startIcon={<SpeedOutlined />}
            onClick={() => measuring.measure(subject.id)}
            aria-label={`Measure the boundary in ${subject.name}`}
          >
            Measure
          </Button>
        </Box>
      )}
    </Box>
  );
}
