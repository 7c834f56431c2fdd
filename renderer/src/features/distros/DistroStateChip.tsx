import Chip, { type ChipProps } from '@mui/material/Chip';
import type { DistroState } from '../../../../shared/model/distro';

function stateColor(state: DistroState): ChipProps['color'] {
  if (state === 'Running') return 'success';
  if (state === 'Stopped') return 'default';
  return 'warning';
}

/** A distro's state as its plain English word in a chip: green when Running, neutral when Stopped, amber otherwise. */
export function DistroStateChip({ state }: { state: DistroState }): React.JSX.Element {
  return <Chip size="small" label={state} color={stateColor(state)} variant={state === 'Stopped' ? 'outlined' : 'filled'} />;
}
