import type { ComposeCli, ComposeProject } from '../../../shared/model/compose';

/** Strips control characters from engine-supplied text before it reaches a terminal. */
function printable(text: string): string {
  return [...text].map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? '?' : char)).join('');
}

/** `lightdock compose ls`: one line per project (name, running/containers, working directory, or why it cannot be acted on). */
export function formatComposeProjects(projects: readonly ComposeProject[]): string {
  if (projects.length === 0) return 'No Compose projects.';
  const width = Math.max(8, ...projects.map((project) => project.name.length + 2));
  const header = `${'NAME'.padEnd(width)}${'RUNNING'.padEnd(10)}WORKING DIR`;
  const rows = projects.map((project) => {
    const counts = `${project.running}/${project.containers}`;
    const where = printable(project.workingDir ?? '-');
    const note = project.actionable ? '' : `  (${printable(project.reason ?? 'not actionable')})`;
    return `${printable(project.name).padEnd(width)}${counts.padEnd(10)}${where}${note}`;
  });
  return [header, ...rows].join('\n');
}

/** `lightdock compose cli`: the command Lightdock runs and its version, or how to install one. */
export function formatComposeCli(cli: ComposeCli): string {
  if (cli.simulated) return 'Compose: modelled on the simulated engine.';
  if (!cli.available) return `No Compose CLI found. ${cli.hint ?? ''}`.trim();
  return `Compose: ${cli.command.join(' ')}${cli.version === null ? '' : ` ${cli.version}`}`;
}
