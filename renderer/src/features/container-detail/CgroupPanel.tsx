import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ContainerCgroup, ContainerStats } from '../../../../shared/model/container';
import { formatBytes } from '../../components/format-bytes';
import { cpuLimitCores, formatCores } from './cpu-limit';

/** Props of the cgroup panel: the limits from inspect and, while it runs, the newest stats sample. */
export interface CgroupPanelProps {
  cgroup: ContainerCgroup;
  latest: ContainerStats | undefined;
}

interface LimitRowProps {
  title: string;
  /** What is used against what is allowed, in words. */
  summary: string;
  /** The share of the limit used (0–100), or null when there is no limit to measure against. */
  percent: number | null;
  hint?: string;
}

function LimitRow({ title, summary, percent, hint }: LimitRowProps): React.JSX.Element {
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
        <Typography variant="subtitle2" component="h4">
          {title}
        </Typography>
        <Typography variant="body2">{summary}</Typography>
      </Box>
      {percent !== null && (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, Math.max(0, percent))}
          color={percent >= 90 ? 'error' : percent >= 70 ? 'warning' : 'primary'}
          aria-label={`${title}: ${summary}`}
          sx={{ height: 8, borderRadius: 4, mt: 0.5 }}
        />
      )}
      {hint !== undefined && (
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      )}
    </Box>
  );
}

function memoryRow(cgroup: ContainerCgroup, latest: ContainerStats | undefined): LimitRowProps {
  const used = latest?.memoryUsedBytes ?? cgroup.memoryUsageBytes;
  const limit = cgroup.memoryLimitBytes;
  if (limit === null || limit <= 0) {
    return {
      title: 'Memory',
      summary: used === null ? 'no limit' : `${formatBytes(used)} used · no limit`,
      percent: null,
      hint: 'No limit: it may use all the memory of the engine’s machine.',
    };
  }
  if (used === null) return { title: 'Memory', summary: `limit ${formatBytes(limit)}`, percent: null, hint: 'Use is known while it runs.' };
  return { title: 'Memory', summary: `${formatBytes(used)} of ${formatBytes(limit)}`, percent: (used / limit) * 100 };
}

function pidsRow(cgroup: ContainerCgroup, latest: ContainerStats | undefined): LimitRowProps {
  const current = latest?.pids ?? cgroup.pidsCurrent;
  const limit = cgroup.pidsLimit;
  if (limit === null || limit <= 0) {
    return { title: 'Processes', summary: current === null ? 'no limit' : `${current} running · no limit`, percent: null };
  }
  if (current === null) return { title: 'Processes', summary: `limit ${limit}`, percent: null };
  return { title: 'Processes', summary: `${current} of ${limit}`, percent: (current / limit) * 100 };
}

function cpuRow(cgroup: ContainerCgroup, latest: ContainerStats | undefined): LimitRowProps {
  const limit = cpuLimitCores(cgroup);
  const usedCores = latest === undefined ? null : latest.cpuPercent / 100;
  const shares = cgroup.cpuShares !== null && cgroup.cpuShares > 0 ? ` Relative weight ${cgroup.cpuShares} (1024 is the default).` : '';
  if (limit === null) {
    return {
      title: 'CPU',
      summary: usedCores === null ? 'no limit' : `${formatCores(usedCores)} in use · no limit`,
      percent: null,
      hint: `No quota: it may use every CPU.${shares}`,
    };
  }
  return {
    title: 'CPU',
    summary: usedCores === null ? `limit ${formatCores(limit)}` : `${formatCores(usedCores)} of ${formatCores(limit)}`,
    percent: usedCores === null ? null : (usedCores / limit) * 100,
    hint: shares === '' ? undefined : shares.trim(),
  };
}

function swapText(cgroup: ContainerCgroup): string {
  const swap = cgroup.memorySwapLimitBytes;
  if (swap === null || swap <= 0) return 'Memory + swap: no limit.';
  return `Memory + swap: ${formatBytes(swap)}.`;
}

/**
 * The container's cgroup limits set against their use: memory used of its limit and processes of their limit as
 * labelled bars, the CPU quota as cores (with cores in use), swap, and the cgroup version and path.
 */
export function CgroupPanel({ cgroup, latest }: CgroupPanelProps): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <LimitRow {...memoryRow(cgroup, latest)} />
      <LimitRow {...cpuRow(cgroup, latest)} />
      <LimitRow {...pidsRow(cgroup, latest)} />
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {swapText(cgroup)} cgroup {cgroup.version === null ? 'version unknown' : `v${cgroup.version}`}
        {cgroup.path !== null && (
          <>
            {' at '}
            <code>{cgroup.path}</code>
          </>
        )}
        .
      </Typography>
    </Stack>
  );
}
