import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { LoadingRows } from '../../components/LoadingRows';
import { RetryAlert } from '../../components/RetryAlert';
import { describeIpcError } from '../../ipc/ipc-error';
import { FilesSubjectBody } from './FilesSubjectBody';
import { FilesSummary } from './FilesSummary';
import { knowsAnything } from './files-words';
import { useBoundaryMeasure } from './useBoundaryMeasure';
import { useFilesReport, type FilesFilter } from './useFilesReport';

/** Props of the Files section of a detail page: which distro or container, what it is called, and a key whose change reloads it (its state). */
export interface FilesSectionProps {
  filter: FilesFilter;
  name: string;
  refreshKey?: string;
}

/**
 * The Files section of a distro's or a container's page (a region named "Files"): the directories it works in, which
 * cross the 9p boundary to a Windows drive, what that costs (Measure for a running distro) and how to move them;
 * loading, error and nothing-on-Windows states.
 */
export function FilesSection({ filter, name, refreshKey = '' }: FilesSectionProps): React.JSX.Element {
  const report = useFilesReport(filter);
  const measuring = useBoundaryMeasure(report.applyCost);
  const { refetch } = report;
  const seenKey = useRef(refreshKey);
  useEffect(() => {
    if (seenKey.current === refreshKey) return;
    seenKey.current = refreshKey;
    refetch();
  }, [refreshKey, refetch]);

  const subjects = report.data?.subjects ?? [];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="files-section-title" sx={{ p: 2, display: 'grid', gap: 1.5, minWidth: 0 }}>
      <Typography id="files-section-title" variant="h6" component="h3">
        Files
      </Typography>
      {report.data === undefined ? (
        report.error === undefined ? (
          <LoadingRows what={`the directories of ${name}`} rows={2} />
        ) : (
          <RetryAlert onRetry={refetch}>
            Could not read the directories of {name}: {describeIpcError(report.error)}
          </RetryAlert>
        )
      ) : (
        <>
          {report.error !== undefined && (
            <RetryAlert severity="warning" onRetry={refetch}>
              This may be out of date: {describeIpcError(report.error)}
            </RetryAlert>
          )}
          {subjects.length === 0 ? (
            <Typography color="text.secondary">Nothing was reported for {name}.</Typography>
          ) : (
            <>
              {knowsAnything(subjects) && <FilesSummary subjects={subjects} />}
              {subjects.map((subject) => (
                <Box key={`${subject.kind} ${subject.id}`} sx={{ minWidth: 0 }}>
                  <FilesSubjectBody subject={subject} measuring={measuring} />
                </Box>
              ))}
            </>
          )}
        </>
      )}
    </Paper>
  );
}
