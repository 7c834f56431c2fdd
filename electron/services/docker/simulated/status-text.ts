import type { SimulatedContainer } from './engine-state';

/** A duration as Docker words it (go-units `HumanDuration`): "Less than a second", "About a minute", "3 hours". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** The `Status` column of `docker ps` for a container at time `now`. */
export function statusText(container: SimulatedContainer, now: number): string {
  const run = container.runs.at(-1);
  switch (container.state) {
    case 'running':
      return `Up ${humanDuration(now - (run?.start ?? now))}`;
    case 'paused':
      return `Up ${humanDuration(now - (run?.start ?? now))} (Paused)`;
    case 'restarting':
      return `Restarting (${container.exitCode ?? 0}) ${humanDuration(now - (run?.end ?? now))} ago`;
    case 'exited':
      return `Exited (${container.exitCode ?? 0}) ${humanDuration(now - (run?.end ?? now))} ago`;
    case 'created':
      return 'Created';
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
  }
}
