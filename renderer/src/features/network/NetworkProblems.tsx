import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import type { NetworkMap, NetworkProblem } from '../../../../shared/model/network-map';
import { PROBLEM_TITLE } from './network-words';

const SEVERITY_ORDER: Record<NetworkProblem['severity'], number> = { error: 0, warning: 1, info: 2 };

/** A subject by its name: a container id becomes the container's name (from the map's nodes or ports). */
function subjectName(map: NetworkMap, subject: string): string {
  const node = map.nodes.find((candidate) => candidate.id === `container:${subject}`);
  if (node !== undefined) return node.label;
  return map.ports.find((port) => port.containerId === subject)?.containerName ?? subject;
}

/** The subjects the sentence does not already name, by name. */
function extraSubjects(map: NetworkMap, problem: NetworkProblem): string[] {
  return [...new Set(problem.subjects.map((subject) => subjectName(map, subject)))].filter((name) => !problem.message.includes(name));
}

/**
 * Each network problem named plainly as an alert of its severity (errors first), titled unless its sentence already
 * starts with the title, followed by the containers it is about that the sentence does not name (ids shown as names).
 */
export function NetworkProblems({ map }: { map: NetworkMap }): React.JSX.Element | null {
  const { problems } = map;
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <Stack component="section" aria-label="Network problems" spacing={1}>
      {sorted.map((problem) => (
        <Alert key={problem.id} severity={problem.severity}>
          {!problem.message.toLowerCase().startsWith(PROBLEM_TITLE[problem.kind].toLowerCase()) && <AlertTitle>{PROBLEM_TITLE[problem.kind]}</AlertTitle>}
          {problem.message}
          {extraSubjects(map, problem).length > 0 && ` (${extraSubjects(map, problem).join(', ')})`}
        </Alert>
      ))}
    </Stack>
  );
}
