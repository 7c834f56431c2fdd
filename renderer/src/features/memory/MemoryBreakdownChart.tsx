import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import type { MemoryNode } from '../../../../shared/model/memory';
import { formatBytes } from '../../components/format-bytes';
import { breakdownLevels, type BreakdownLevel } from './memory-tree';
import { memoryColor } from './memory-colors';

/** Pixels per bar of the picture (bar and gap). */
const ROW_HEIGHT = 46;

/** Room for the longest bar name (about 7 px a character), between 110 and 260 px. */
function axisWidth(names: readonly string[]): number {
  return Math.min(260, Math.max(110, 16 + 7 * Math.max(0, ...names.map((name) => name.length))));
}

function percentOf(bytes: number, whole: number): number {
  return whole > 0 ? Math.round((bytes / whole) * 1000) / 10 : 0;
}

function summaryOf(levels: readonly BreakdownLevel[]): string {
  return levels
    .map((level) => `${level.label} ${formatBytes(level.bytes)}: ${level.segments.map((segment) => `${segment.label} ${formatBytes(segment.bytes)}`).join(', ')}`)
    .join('; ');
}

/** The legend: each colour once, with the part's name and size. */
function Legend({ entries }: { entries: { key: string; label: string; color: string; bytes: number }[] }): React.JSX.Element {
  return (
    <Box component="ul" aria-hidden sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, listStyle: 'none', p: 0, m: 0 }}>
      {entries.map((entry) => (
        <Box component="li" key={entry.key} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          <Box sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: entry.color, flexShrink: 0 }} />
          <Typography variant="caption">
            {entry.label} · {formatBytes(entry.bytes)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/**
 * The breakdown as one picture: a horizontal bar per level that has parts (the host, the VM, each distro with
 * containers, a second machine), each bar its parts stacked as shares of that level (100 %), with the sizes in
 * the tooltip and the legend. Screen readers get the same figures as the image's name (and in the table).
 */
export function MemoryBreakdownChart({ roots }: { roots: readonly MemoryNode[] }): React.JSX.Element {
  const theme = useTheme();
  const levels = breakdownLevels(roots);
  if (levels.length === 0) return <Typography color="text.secondary">Nothing to break down yet.</Typography>;
  let colorIndex = 0;
  const colors = new Map<string, string>();
  for (const level of levels) {
    for (const segment of level.segments) {
      const kind = segment.kind;
      colors.set(segment.id, memoryColor(kind, kind === 'distro' || kind === 'container' ? colorIndex++ : 0, theme));
    }
  }
  const series = levels.flatMap((level, levelIndex) =>
    level.segments.map((segment) => ({
      id: segment.id,
      label: segment.label,
      stack: 'total',
      color: colors.get(segment.id),
      data: levels.map((_, index) => (index === levelIndex ? percentOf(segment.bytes, level.bytes) : null)),
      valueFormatter: (value: number | null) => (value === null ? null : `${formatBytes(segment.bytes)} (${value} %)`),
    })),
  );
  const names = levels.map((level) => `${level.label} · ${formatBytes(level.bytes)}`);
  const legend = levels.flatMap((level) =>
    level.segments.map((segment) => ({ key: `${level.id}/${segment.id}`, label: segment.label, color: colors.get(segment.id) ?? '', bytes: segment.bytes })),
  );
  return (
    <Box>
      <Box role="img" aria-label={`Memory breakdown. ${summaryOf(levels)}`}>
        <BarChart
          layout="horizontal"
          height={levels.length * ROW_HEIGHT + 48}
          skipAnimation
          hideLegend
          series={series}
          yAxis={[{ scaleType: 'band', data: names, width: axisWidth(names), categoryGapRatio: 0.35 }]}
          xAxis={[{ min: 0, max: 100, tickInterval: [0, 25, 50, 75, 100], valueFormatter: (value: number) => `${value} %` }]}
          margin={{ top: 8, right: 28, bottom: 8, left: 8 }}
        />
      </Box>
      <Legend entries={legend} />
    </Box>
  );
}
