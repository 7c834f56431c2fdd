import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import type { NetworkProblem } from '../../../../shared/model/network-map';
import { PROBLEM_TITLE } from './network-words';

const SEVERITY_ORDER: Record<NetworkProblem['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Each network problem named plainly as an alert of its severity (errors first) with what it is about, titled unless its sentence already starts with the title. */
export function NetworkProblems({ problems }: { problems: readonly NetworkProblem[] }): React.JSX.Element | null {
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <Stack component="section" aria-label="Network problems" spacing={1}>
      {sorted.map((problem) => (
        <Alert key={problem.id} severity={problem.severity}>
          {!problem.message.toLowerCase().startsWith(PROBLEM_TITLE[problem.kind].toLowerCase()) && <AlertTitle>{PROBLEM_TITLE[problem.kind]}</AlertTitle>}
          {problem.message}
          {problem.subjects.length > 0 && ` (${problem.subjects.join(', ')})`}
        </Alert>
      ))}
    </Stack>
  );
}
