import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { FilesSubject } from '../../../../shared/model/files';
import { BoundaryCostPanel } from './BoundaryCostPanel';
import { FileEntriesTable } from './FileEntriesTable';
import { MoveAdviceBlock } from './MoveAdviceBlock';
import type { BoundaryMeasureModel } from './useBoundaryMeasure';

/** Props of one subject's contents: the subject, the measuring model, and whether to list only what crosses the boundary. */
export interface FilesSubjectBodyProps {
  subject: FilesSubject;
  measuring: BoundaryMeasureModel;
  onlyCrossing?: boolean;
}

function noEntriesText(subject: FilesSubject): string {
  if (!subject.running) {
    return subject.kind === 'distro' ? 'Working directories and what crossing the boundary costs show while the distro runs.' : 'It has no mounts, and it is not running.';
  }
  return subject.kind === 'distro' ? 'No process works in a directory worth listing.' : 'No mounts: its files live only in its writable layer.';
}

/**
 * One distro's or container's directories (the table, or a sentence when there are none), the cost of crossing the
 * boundary when anything crosses it, it is known, or a running distro can measure it, and how to move each directory on a
 * Windows drive.
 */
export function FilesSubjectBody({ subject, measuring, onlyCrossing = false }: FilesSubjectBodyProps): React.JSX.Element {
  const entries = onlyCrossing ? subject.entries.filter((entry) => entry.crossesBoundary) : subject.entries;
  const crosses = subject.entries.some((entry) => entry.crossesBoundary);
  return (
    <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
      {entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {noEntriesText(subject)}
        </Typography>
      ) : (
        <FileEntriesTable name={subject.name} entries={entries} />
      )}
      {(crosses || subject.cost !== null || (subject.kind === 'distro' && subject.running)) && <BoundaryCostPanel subject={subject} measuring={measuring} />}
      {subject.advice.map((advice) => (
        <MoveAdviceBlock key={advice.path} advice={advice} />
      ))}
    </Box>
  );
}
