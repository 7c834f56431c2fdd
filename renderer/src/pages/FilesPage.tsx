import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import Refresh from '@mui/icons-material/Refresh';
import type { FilesReport } from '../../../shared/model/files';
import { LoadingRows } from '../components/LoadingRows';
import { RetryAlert } from '../components/RetryAlert';
import { FilesSubjectCard } from '../features/files/FilesSubjectCard';
import { FilesSummary } from '../features/files/FilesSummary';
import { byConcern } from '../features/files/files-words';
import { useBoundaryMeasure, type BoundaryMeasureModel } from '../features/files/useBoundaryMeasure';
import { useFilesReport } from '../features/files/useFilesReport';
import { describeIpcError } from '../ipc/ipc-error';

const ALL = {};

function Subjects({ report, measuring, onlyCrossing }: { report: FilesReport; measuring: BoundaryMeasureModel; onlyCrossing: boolean }): React.JSX.Element {
  const ordered = byConcern(report.subjects);
  const shown = onlyCrossing ? ordered.filter((subject) => subject.entries.some((entry) => entry.crossesBoundary)) : ordered;
  if (report.subjects.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }}>
        <Typography variant="h6" component="p">
          No distros or containers
        </Typography>
        <Typography color="text.secondary">Install a distro or run a container, and the directories it works in appear here.</Typography>
      </Paper>
    );
  }
  if (shown.length === 0) {
    return <Typography color="text.secondary">Nothing crosses the boundary: turn the switch off to see every directory.</Typography>;
  }
  return (
    <Stack spacing={2}>
      {shown.map((subject) => (
        <FilesSubjectCard key={`${subject.kind} ${subject.id}`} subject={subject} measuring={measuring} onlyCrossing={onlyCrossing} />
      ))}
    </Stack>
  );
}

/**
 * The Files page: every distro and container with the directories it works in, those on a Windows drive flagged as
 * crossing the 9p boundary (those first) with what it costs (Measure per running distro, modelled on the simulated host) and the
 * commands that move them into the distro; a summary, a switch to show only what crosses, and loading, error and
 * empty states.
 */
export function FilesPage(): React.JSX.Element {
  const report = useFilesReport(ALL);
  const measuring = useBoundaryMeasure(report.applyCost);
  const [onlyCrossing, setOnlyCrossing] = useState(false);
  const { data, error, loading, refetch } = report;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Files
        </Typography>
        <Button variant="outlined" startIcon={<Refresh />} onClick={refetch} disabled={loading}>
          Refresh
        </Button>
      </Box>
      <Typography color="text.secondary">
        WSL 2 reads and writes fast inside a distro’s own ext4 disk and slowly across the 9p boundary to Windows drives
        (<code>/mnt/c</code>). Here is where each distro and container works, and how to move what sits on a Windows drive.
      </Typography>
      {data === undefined ? (
        error === undefined ? (
          <LoadingRows what="the directories" rows={4} height={72} />
        ) : (
          <RetryAlert onRetry={refetch}>Could not read the directories: {describeIpcError(error)}</RetryAlert>
        )
      ) : (
        <>
          {error !== undefined && (
            <RetryAlert severity="warning" onRetry={refetch}>
              This may be out of date: {describeIpcError(error)}
            </RetryAlert>
          )}
          {data.subjects.length > 0 && <FilesSummary subjects={data.subjects} />}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <FormControlLabel
              control={<Switch checked={onlyCrossing} onChange={(event) => setOnlyCrossing(event.target.checked)} />}
              label="Only show what crosses the boundary"
            />
            {data.simulated && (
              <Typography variant="body2" color="text.secondary">
                Simulated host: the directories and the cost are modelled.
              </Typography>
            )}
          </Box>
          <Subjects report={data} measuring={measuring} onlyCrossing={onlyCrossing} />
        </>
      )}
    </Stack>
  );
}
