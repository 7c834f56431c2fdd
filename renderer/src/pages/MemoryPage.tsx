import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import type { ReactNode } from 'react';
import type { MemoryReport } from '../../../shared/model/memory';
import { LoadingRows } from '../components/LoadingRows';
import { RetryAlert } from '../components/RetryAlert';
import { formatBytes } from '../components/format-bytes';
import { MemoryActions } from '../features/memory/MemoryActions';
import { MemoryBreakdownChart } from '../features/memory/MemoryBreakdownChart';
import { MemoryBreakdownTable } from '../features/memory/MemoryBreakdownTable';
import { MemoryHistoryCharts } from '../features/memory/MemoryHistoryCharts';
import { MemorySettings } from '../features/memory/MemorySettings';
import { MemoryWarnings } from '../features/memory/MemoryWarnings';
import { nodesOfKind } from '../features/memory/memory-tree';
import { useMemory, type MemoryModel } from '../features/memory/useMemory';
import { describeIpcError } from '../ipc/ipc-error';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }): React.JSX.Element {
  return (
    <Card variant="outlined" component="section" aria-labelledby={`memory-${id}-title`} sx={{ minWidth: 0 }}>
      <CardContent>
        <Typography id={`memory-${id}-title`} variant="h6" component="h3" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function VmNotice({ report }: { report: MemoryReport }): React.JSX.Element | null {
  if (report.vm === null) {
    return report.placement.kind === 'linux-host' ? null : <Alert severity="info">There is no WSL on this machine, so no VM takes memory from the host.</Alert>;
  }
  if (nodesOfKind(report.roots, 'vm').length > 0 && report.vm.assignedBytes > 0) return null;
  return (
    <Alert severity="info">
      The WSL VM is not running, so it holds no memory from the host (its limit is {formatBytes(report.vm.limitBytes)}). It boots when a WSL 2 distro starts.
    </Alert>
  );
}

function Loaded({ model, report }: { model: MemoryModel; report: MemoryReport }): React.JSX.Element {
  return (
    <Stack spacing={2}>
      {model.loadError !== undefined && (
        <RetryAlert severity="warning" onRetry={model.refetch}>
          These figures may be out of date: {describeIpcError(model.loadError)}
        </RetryAlert>
      )}
      {model.watchError !== undefined && <Alert severity="warning">The figures are not following the host live: {describeIpcError(model.watchError)}</Alert>}
      <VmNotice report={report} />
      <Section id="warnings" title="Warnings">
        <MemoryWarnings warnings={report.warnings} />
      </Section>
      <Section id="breakdown" title="From the host down">
        <Stack spacing={2}>
          <MemoryBreakdownChart roots={report.roots} />
          <MemoryBreakdownTable roots={report.roots} />
        </Stack>
      </Section>
      <Section id="actions" title="Free memory">
        <Stack spacing={2}>
          <MemoryActions model={model} report={report} />
          {report.vm !== null && <MemorySettings />}
        </Stack>
      </Section>
      <Section id="history" title="History">
        <MemoryHistoryCharts
          history={model.history}
          error={model.historyError}
          onRetry={model.refetchHistory}
          resolution={model.resolution}
          onResolution={model.setResolution}
        />
      </Section>
    </Stack>
  );
}

/**
 * The Memory page: where the memory goes from the host down (a stacked picture and a tree table, every machine),
 * the warnings, the actions that free memory with their before → after figures and the VM's memory settings, and
 * the sampled history; watches memory while open. Loading, error and no-VM states included.
 */
export function MemoryPage(): React.JSX.Element {
  const model = useMemory();
  const { report, loadError } = model;
  let body: React.JSX.Element;
  if (report === undefined) {
    body =
      loadError === undefined ? (
        <LoadingRows what="the memory breakdown" rows={4} height={56} />
      ) : (
        <RetryAlert onRetry={model.refetch}>Could not read the memory breakdown: {describeIpcError(loadError)}</RetryAlert>
      );
  } else {
    body = <Loaded model={model} report={report} />;
  }
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2">
          Memory
        </Typography>
        {report?.simulated === true && (
          <Tooltip describeChild title="Some of these figures come from the simulated WSL host or engine, not from a real machine.">
            <Chip label="Simulated figures" size="small" color="warning" icon={<ScienceOutlined />} tabIndex={0} />
          </Tooltip>
        )}
      </Box>
      {report !== undefined && (
        <Typography color="text.secondary" sx={{ mt: '4px !important' }}>
          {report.placement.description}
        </Typography>
      )}
      {body}
    </Stack>
  );
}
