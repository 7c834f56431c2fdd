import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { LineChart } from '@mui/x-charts/LineChart';
import type { ContainerStats } from '../../../../shared/model/container';
import { formatBytes } from '../../components/format-bytes';
import { describeIpcError } from '../../ipc/ipc-error';
import type { StatsHistory } from './useStatsHistory';

/** Props of the stats tab: whether the container runs, and its recent samples. */
export interface StatsTabProps {
  name: string;
  running: boolean;
  history: StatsHistory;
}

const MIB = 1024 * 1024;

function millis(timestamp: number): number {
  return timestamp < 1e11 ? timestamp * 1000 : timestamp;
}

function Tile({ title, value, detail }: { title: string; value: string; detail?: string }): React.JSX.Element {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 1.5 }}>
      <Typography variant="caption" color="text.secondary" component="h4">
        {title}
      </Typography>
      <Typography variant="h6" component="p">
        {value}
      </Typography>
      {detail !== undefined && (
        <Typography variant="caption" color="text.secondary">
          {detail}
        </Typography>
      )}
    </Paper>
  );
}

function Chart({ title, xs, ys, unit }: { title: string; xs: number[]; ys: number[]; unit: string }): React.JSX.Element {
  const theme = useTheme();
  return (
    <Paper variant="outlined" component="figure" aria-label={title} sx={{ p: 1.5, m: 0, minWidth: 0 }}>
      <Typography variant="subtitle2" component="figcaption">
        {title}
      </Typography>
      <LineChart
        height={220}
        skipAnimation
        hideLegend
        xAxis={[{ data: xs, scaleType: 'linear', min: Math.min(-59, xs[0] ?? 0), max: 0, valueFormatter: (value: number) => `${value} s` }]}
        yAxis={[{ min: 0, width: 76, valueFormatter: (value: number) => `${Number(value.toFixed(1))} ${unit}` }]}
        series={[{ data: ys, label: title, color: theme.palette.primary.main, showMark: false, curve: 'linear', valueFormatter: (value) => `${value?.toFixed(1) ?? '—'} ${unit}` }]}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      />
    </Paper>
  );
}

function Summary({ latest }: { latest: ContainerStats }): React.JSX.Element {
  return (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))' }}>
      <Tile title="CPU" value={`${latest.cpuPercent.toFixed(1)}%`} detail="100% is one full core" />
      <Tile
        title="Memory"
        value={formatBytes(latest.memoryUsedBytes)}
        detail={`of ${formatBytes(latest.memoryLimitBytes)} (${latest.memoryPercent.toFixed(1)}%)`}
      />
      <Tile title="Network" value={`↓ ${formatBytes(latest.netRxBytes)}`} detail={`↑ ${formatBytes(latest.netTxBytes)} sent`} />
      <Tile title="Disk" value={`${formatBytes(latest.blockReadBytes)} read`} detail={`${formatBytes(latest.blockWriteBytes)} written`} />
      <Tile title="Processes" value={String(latest.pids)} />
    </Box>
  );
}

/**
 * The stats tab: the newest sample in tiles and two line charts (CPU % and memory in MiB) over the last minute of
 * samples, x in seconds before the newest; says why there is nothing when the container is not running.
 */
export function StatsTab({ name, running, history }: StatsTabProps): React.JSX.Element {
  const { samples, latest, error } = history;
  if (!running) {
    return <Alert severity="info">{name} is not running. Stats are sampled while it runs: start it to see them.</Alert>;
  }
  if (error !== undefined) return <Alert severity="error">Could not watch the stats: {describeIpcError(error)}</Alert>;
  if (latest === undefined || samples.length === 0) {
    return (
      <Box role="status" aria-label="Waiting for the first sample">
        <LinearProgress />
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Waiting for the first sample…
        </Typography>
      </Box>
    );
  }
  const newest = millis(samples[samples.length - 1]?.timestamp ?? 0);
  const xs = samples.map((sample) => Math.round((millis(sample.timestamp) - newest) / 1000));
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Summary latest={latest} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <Chart title="CPU %" xs={xs} ys={samples.map((sample) => sample.cpuPercent)} unit="%" />
        <Chart title="Memory (MiB)" xs={xs} ys={samples.map((sample) => sample.memoryUsedBytes / MIB)} unit="MiB" />
      </Box>
    </Box>
  );
}
