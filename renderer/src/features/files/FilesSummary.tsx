import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { FilesSubject } from '../../../../shared/model/files';
import { crossingCount, crossingPhrase, knowsAnything } from './files-words';

/**
 * The headline over a list of subjects: a warning naming how many directories are on Windows drives and whose they
 * are, a positive note that nothing is, or (when nothing runs and nothing is listed) that there is nothing to check yet.
 */
export function FilesSummary({ subjects }: { subjects: readonly FilesSubject[] }): React.JSX.Element {
  const count = crossingCount(subjects);
  if (!knowsAnything(subjects)) {
    return (
      <Alert severity="info" aria-label="Summary">
        <AlertTitle>Nothing to check yet</AlertTitle>
        Nothing here is running: the directories a distro or container works in show while it runs.
      </Alert>
    );
  }
  if (count === 0) {
    return (
      <Alert severity="success" aria-label="Summary">
        <AlertTitle>Nothing on Windows drives</AlertTitle>
        Every directory here stays on the Linux side (ext4, volumes, tmpfs), where reads and writes are fast.
      </Alert>
    );
  }
  const owners = subjects.filter((subject) => subject.entries.some((entry) => entry.crossesBoundary)).map((subject) => subject.name);
  return (
    <Alert severity="warning" aria-label="Summary">
      <AlertTitle>{crossingPhrase(count)}</AlertTitle>
      Used by {owners.join(', ')}. Reads and writes there cross the 9p boundary to Windows and are much slower than in the
      distro’s own filesystem; each one below says how to move it.
    </Alert>
  );
}
