import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { LineChart } from '@mui/x-charts/LineChart';
import { mangoFusionPalette } from '@mui/x-charts/colorPalettes';
import type { MemoryHistory, MemoryResolution } from '../../../../shared/model/memory';
import { formatBytes } from '../../components/format-bytes';
import { LoadingRows } from '../../components/LoadingRows';
import { RetryAlert } from '../../components/RetryAlert';
import { describeIpcError, type IpcError } from '../../ipc/ipc-error';
import { historyCharts, latestValue, type HistoryChart } from './memory-history';

/** Props of the history section: the history at the chosen resolution, its error, and the resolution toggle. */
export interface MemoryHistoryChartsProps {
  history: MemoryHistory | undefined;
  error: IpcError | undefined;
  onRetry: () => void;
  resolution: MemoryResolution;
  onResolution: (resolution: MemoryResolution) => void;
}

function timeText(t: Date, resolution: MemoryResolution): string {
  return t.toLocaleTimeString(undefined, resolution === '1s' ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' });
}

function Chart({ chart, times, resolution }: { chart: HistoryChart; times: Date[]; resolution: MemoryResolution }): React.JSX.Element {
  const theme = useTheme();
  const fixed = [theme.palette.primary.main, theme.palette.secondary.main, theme.palette.info.main];
  const colors = chart.id === 'host' || chart.id === 'vm' ? fixed : mangoFusionPalette(theme.palette.mode);
  return (
    <Paper variant="outlined" component="figure" aria-label={`${chart.title} memory over time`} sx={{ p: 1.5, m: 0, minWidth: 0 }}>
      <Typography variant="subtitle2" component="figcaption">
        {chart.title}
      </Typography>
      {chart.series.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {chart.id === 'containers' ? 'No container ran in this period.' : 'No distro ran in this period.'}
        </Typography>
      ) : (
        <>
          <LineChart
            height={200}
            skipAnimation
            hideLegend
            xAxis={[{ data: times, scaleType: 'time', valueFormatter: (value: Date) => timeText(value, resolution) }]}
            yAxis={[{ min: 0, width: 72, valueFormatter: (value: number) => formatBytes(value) }]}
            series={chart.series.map((series, index) => ({
              id: series.id,
              label: series.label,
              data: series.data,
              color: colors[index % colors.length],
              showMark: false,
              curve: 'linear' as const,
              valueFormatter: (value: number | null) => formatBytes(value),
            }))}
            margin={{ top: 8, right: 32, bottom: 8, left: 8 }}
          />
          <Box component="ul" aria-label={`${chart.title}: newest figures`} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, listStyle: 'none', p: 0, m: 0 }}>
            {chart.series.map((series, index) => (
              <Box component="li" key={series.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                <Box aria-hidden sx={{ width: 10, height: 3, bgcolor: colors[index % colors.length] }} />
                <Typography variant="caption">
                  {series.label}: {formatBytes(latestValue(series))}
                </Typography>
              </Box>
            ))}
          </Box>
        </>
      )}
    </Paper>
  );
}

/**
 * The history of each level (host used; the VM's assigned, used and page cache; each distro; each container) as
 * line charts, with the newest figure of each line as text, and a toggle between 1 s for 10 minutes and 1 min for
 * 24 hours; loading and error states included.
 */
export function MemoryHistoryCharts({ history, error, onRetry, resolution, onResolution }: MemoryHistoryChartsProps): React.JSX.Element {
  let body: React.JSX.Element;
  if (history === undefined) {
    body =
      error === undefined ? (
        <LoadingRows what="the memory history" rows={2} height={120} />
      ) : (
        <RetryAlert onRetry={onRetry}>Could not read the memory history: {describeIpcError(error)}</RetryAlert>
      );
  } else if (history.samples.length === 0) {
    body = <Typography color="text.secondary">No samples yet: they are taken every {history.intervalMs / 1000} s while this page is open.</Typography>;
  } else {
    const times = history.samples.map((sample) => new Date(sample.t));
    body = (
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        {historyCharts(history.samples).map((chart) => (
          <Chart key={chart.id} chart={chart} times={times} resolution={resolution} />
        ))}
      </Box>
    );
  }
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {history === undefined ? 'Sampled while a window or lightdock memory --watch looks.' : `${history.samples.length} of ${history.capacity} samples kept.`}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={resolution}
          aria-label="History resolution"
          onChange={(_event, value: MemoryResolution | null) => value !== null && onResolution(value)}
        >
          <ToggleButton value="1s">1 s for 10 min</ToggleButton>
          <ToggleButton value="1m">1 min for 24 h</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {body}
    </Box>
  );
}
