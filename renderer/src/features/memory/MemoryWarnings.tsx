import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MemoryWarning } from '../../../../shared/model/memory';

const TITLES: Record<MemoryWarning['kind'], (subject: string) => string> = {
  'vm-near-limit': () => 'The VM is near its memory limit',
  'vm-swapping': () => 'The VM is swapping',
  'container-near-limit': (subject) => `${subject} is near its memory limit`,
  'container-oom-killed': (subject) => `${subject} ran out of memory`,
  'host-pressure': () => 'The host is short of memory',
};

/** The report's warnings as alerts (errors first), each titled with its subject and saying when it was seen; a line when there are none. */
export function MemoryWarnings({ warnings }: { warnings: readonly MemoryWarning[] }): React.JSX.Element {
  if (warnings.length === 0) return <Typography color="text.secondary">No memory warnings.</Typography>;
  const ordered = [...warnings].sort((a, b) => (a.severity === b.severity ? b.at - a.at : a.severity === 'error' ? -1 : 1));
  return (
    <Stack spacing={1} component="ul" aria-label="Memory warnings" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {ordered.map((warning) => (
        <li key={warning.id}>
          <Alert severity={warning.severity}>
            <AlertTitle>{TITLES[warning.kind](warning.subject)}</AlertTitle>
            {warning.message}{' '}
            <Typography component="span" variant="caption" color="inherit">
              (seen {new Date(warning.at).toLocaleTimeString()})
            </Typography>
          </Alert>
        </li>
      ))}
    </Stack>
  );
}
