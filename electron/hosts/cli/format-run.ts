import { formatCpus } from '../../../shared/model/docker-run-line';
import { formatSize } from '../../../shared/model/run-args';
import type { RunPlan, RunProblem, RunResult } from '../../../shared/model/run-container';

/** One problem as `<field>: <message>` (a warning says so). */
export function formatProblem(problem: RunProblem): string {
  return `${problem.field}: ${problem.blocking ? '' : 'warning: '}${problem.message}`;
}

function limit(value: number | null, show: (n: number) => string): string {
  return value === null ? 'unlimited' : show(value);
}

/** A run plan for people: the docker run line, the namespaces it gets, its cgroup limits, then its problems. */
export function formatRunPlan(plan: RunPlan): string {
  const ns = Object.entries(plan.namespaces).map(([kind, info]) => {
    const mode = info.mode === 'container' ? `container:${(info.container ?? '').slice(0, 12)}` : info.mode;
    return `  ${kind.padEnd(7)}${mode}`;
  });
  const c = plan.cgroup;
  return [
    plan.command,
    'namespaces:',
    ...ns,
    `cgroup v${c.version ?? '?'}`,
    `  memory ${limit(c.memoryLimitBytes, formatSize)} · memory+swap ${limit(c.memorySwapLimitBytes, formatSize)} · cpus ${limit(c.nanoCpus, formatCpus)} · pids ${limit(c.pidsLimit, String)}`,
    ...(plan.problems.length === 0 ? [] : ['problems:', ...plan.problems.map((p) => `  ${formatProblem(p)}`)]),
  ].join('\n');
}

/** A run's answer for people: the container's id (what scripts capture, as `docker run -d` prints it). */
export function formatRunResult(result: RunResult): string {
  return result.id;
}
