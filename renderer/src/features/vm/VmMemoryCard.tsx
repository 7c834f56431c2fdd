import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useTheme, type Theme } from '@mui/material/styles';
import { Gauge } from '@mui/x-charts/Gauge';
import type { VmMemory } from '../../../../shared/model/vm';
import { FactList } from '../../components/FactList';
import { formatBytes, formatPercent } from '../../components/format-bytes';
import { memorySegments, type MemorySegment } from './memory-segments';

const RECLAIM_TEXT: Record<VmMemory['reclaimMode'], string> = {
  disabled: 'Off (the VM keeps its page cache)',
  gradual: 'Gradual (cache given back slowly)',
  dropCache: 'Drop cache (cache given back when idle)',
};

function segmentColor(id: MemorySegment['id'], palette: Theme['palette']): string {
  if (id === 'used') return palette.primary.main;
  if (id === 'cache') return palette.secondary.main;
  return palette.action.disabled;
}

/** The limit as a bar: used, page cache and assigned-but-free from the left; the rest is not assigned to the VM yet. */
function MemoryBar({ memory }: { memory: VmMemory }): React.JSX.Element {
  const theme = useTheme();
  const segments = memorySegments(memory);
  const summary =
    `${formatBytes(memory.usedBytes)} used, ${formatBytes(memory.pageCacheBytes)} page cache, ` +
    `${formatBytes(memory.assignedBytes)} assigned of a ${formatBytes(memory.limitBytes)} limit`;
  return (
    <Box>
      <Box
        role="img"
        aria-label={`Memory: ${summary}`}
        sx={{ display: 'flex', height: 14, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}
      >
        {segments.map((segment) => (
          <Box key={segment.id} sx={{ width: `${segment.share * 100}%`, bgcolor: segmentColor(segment.id, theme.palette) }} />
        ))}
      </Box>
      <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', p: 0, m: 0, mt: 1 }}>
        {segments.map((segment) => (
          <Box component="li" key={segment.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box aria-hidden sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: segmentColor(segment.id, theme.palette) }} />
            <Typography variant="caption">
              {segment.label}: {formatBytes(segment.bytes)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/**
 * The VM's memory from the host down: host RAM, the `.wslconfig` limit, what the VM holds (gauge against the limit),
 * what processes use, page cache, swap and the reclaim mode.
 */
export function VmMemoryCard({ memory }: { memory: VmMemory }): React.JSX.Element {
  const assignedPercent = formatPercent(memory.assignedBytes, memory.limitBytes);
  const share = memory.limitBytes > 0 ? Math.min(100, Math.round((memory.assignedBytes / memory.limitBytes) * 100)) : 0;
  return (
    <Card variant="outlined" component="section" aria-labelledby="vm-memory-title">
      <CardContent>
        <Typography id="vm-memory-title" variant="h6" component="h3" gutterBottom>
          Memory
        </Typography>
        <Box sx={{ display: 'flex', gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
          <Box
            role="meter"
            aria-label="Memory assigned to the VM, of its limit"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share}
            aria-valuetext={`${formatBytes(memory.assignedBytes)} of ${formatBytes(memory.limitBytes)} (${assignedPercent})`}
          >
            <Gauge width={130} height={130} value={share} valueMax={100} innerRadius="72%" text={assignedPercent} aria-hidden />
          </Box>
          <Box sx={{ flex: 1, minWidth: 240 }}>
            <FactList
              label="Memory figures"
              facts={[
                { label: 'Host RAM', value: formatBytes(memory.hostTotalBytes) },
                { label: 'Limit', value: formatBytes(memory.limitBytes) },
                { label: 'Assigned', value: `${formatBytes(memory.assignedBytes)} (${assignedPercent} of the limit)` },
                { label: 'Used', value: formatBytes(memory.usedBytes) },
                { label: 'Page cache', value: formatBytes(memory.pageCacheBytes) },
                {
                  label: 'Swap',
                  value: memory.swapBytes === 0 ? 'None' : `${formatBytes(memory.swapUsedBytes)} used of ${formatBytes(memory.swapBytes)}`,
                },
                { label: 'Reclaim', value: RECLAIM_TEXT[memory.reclaimMode] },
              ]}
            />
          </Box>
        </Box>
        <Box sx={{ mt: 2 }}>
          <MemoryBar memory={memory} />
        </Box>
      </CardContent>
    </Card>
  );
}
