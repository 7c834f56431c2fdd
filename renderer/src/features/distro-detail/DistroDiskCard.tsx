import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import Compress from '@mui/icons-material/Compress';
import type { DistroDetail, DistroDisk } from '../../../../shared/model/distro';
import { FactList } from '../../components/FactList';
import { formatBytes, formatPercent } from '../../components/format-bytes';
import { OperationProgress } from '../operations/OperationProgress';
import { useOperationFor } from '../operations/useOperations';

/** Props of the disk card: the distro, whether an action runs on it, and the two disk actions. */
export interface DistroDiskCardProps {
  distro: DistroDetail;
  busy: boolean;
  compacting: boolean;
  onCompact: () => void;
  onSetSparse: (sparse: boolean) => void;
}

function DiskFigures({ disk }: { disk: DistroDisk }): React.JSX.Element {
  const usedShare = disk.usedBytes === null || disk.fileSizeBytes === 0 ? null : Math.min(1, disk.usedBytes / disk.fileSizeBytes);
  return (
    <>
      <FactList
        label="Disk figures"
        facts={[
          { label: 'Used inside', value: disk.usedBytes === null ? 'Unknown until the distro runs' : formatBytes(disk.usedBytes) },
          { label: 'File on the host', value: formatBytes(disk.fileSizeBytes) },
          { label: 'Maximum size', value: `${formatBytes(disk.maxSizeBytes)} (${formatPercent(disk.fileSizeBytes, disk.maxSizeBytes)} reached)` },
          {
            label: 'Compacting returns',
            value: disk.reclaimableBytes === null ? 'Unknown' : disk.reclaimableBytes === 0 ? 'Nothing' : `About ${formatBytes(disk.reclaimableBytes)}`,
          },
          { label: 'File', value: <code>{disk.path}</code> },
        ]}
      />
      {usedShare !== null && (
        <Box sx={{ mt: 2 }}>
          <LinearProgress
            variant="determinate"
            value={usedShare * 100}
            aria-label="Disk used of the file size"
            aria-valuetext={`${formatBytes(disk.usedBytes)} used of a ${formatBytes(disk.fileSizeBytes)} file`}
            sx={{ height: 10, borderRadius: 1 }}
          />
          <Typography variant="caption" color="text.secondary">
            {formatBytes(disk.usedBytes)} used of the {formatBytes(disk.fileSizeBytes)} file; the rest is space the file keeps after files were deleted.
          </Typography>
        </Box>
      )}
    </>
  );
}

/**
 * A WSL 2 distro's VHDX: used space vs file size vs maximum, what compacting would return, Compact (stopped
 * distros only) with live progress, and the Sparse switch. WSL 1 distros get a sentence instead.
 */
export function DistroDiskCard({ distro, busy, compacting, onCompact, onSetSparse }: DistroDiskCardProps): React.JSX.Element {
  const operation = useOperationFor('compact', distro.name);
  const { disk } = distro;
  return (
    <Card variant="outlined" component="section" aria-labelledby="distro-disk-title">
      <CardContent>
        <Typography id="distro-disk-title" variant="h6" component="h3" gutterBottom>
          Disk
        </Typography>
        {disk === null ? (
          <Typography color="text.secondary">
            {distro.version === 1
              ? 'A WSL 1 distro keeps its files in a folder on Windows: there is no virtual disk to measure or compact.'
              : 'The disk could not be read.'}
          </Typography>
        ) : (
          <>
            <DiskFigures disk={disk} />
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mt: 2 }}>
              <Button
                variant="outlined"
                startIcon={compacting ? <CircularProgress size={16} aria-hidden /> : <Compress />}
                disabled={busy || distro.state !== 'Stopped'}
                onClick={onCompact}
              >
                {compacting ? 'Compacting…' : 'Compact disk'}
              </Button>
              <FormControlLabel
                control={<Switch checked={disk.sparse} disabled={busy} onChange={(event) => onSetSparse(event.target.checked)} />}
                label="Sparse (gives freed space back to Windows by itself)"
              />
            </Box>
            {distro.state !== 'Stopped' && !compacting && (
              <Alert severity="info" sx={{ mt: 1.5 }}>
                Terminate {distro.name} to compact its disk: WSL can only shrink a disk nothing uses.
              </Alert>
            )}
            {compacting && operation?.state === 'running' && (
              <Box sx={{ mt: 1.5 }}>
                <OperationProgress operation={operation} />
              </Box>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
