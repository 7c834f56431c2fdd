import Chip, { type ChipProps } from '@mui/material/Chip';
import type { ContainerState } from '../../../../shared/model/container';

function stateColor(state: ContainerState): ChipProps['color'] {
  if (state === 'running') return 'success';
  if (state === 'paused' || state === 'restarting' || state === 'removing') return 'warning';
  if (state === 'dead') return 'error';
  return 'default';
}

/** A container's state as the engine's word in a chip: green running, amber paused/restarting, red dead, neutral otherwise. */
export function ContainerStateChip({ state }: { state: ContainerState }): React.JSX.Element {
  const quiet = state === 'exited' || state === 'created';
  return <Chip size="small" label={state} color={stateColor(state)} variant={quiet ? 'outlined' : 'filled'} />;
}
