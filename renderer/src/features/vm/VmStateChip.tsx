import Chip, { type ChipProps } from '@mui/material/Chip';
import type { VmState } from '../../../../shared/model/vm';

function stateColor(state: VmState): ChipProps['color'] {
  if (state === 'Running') return 'success';
  if (state === 'Stopped') return 'default';
  return 'warning';
}

/** The VM's state as its word in a chip: green when Running, neutral when Stopped, amber while starting or stopping. */
export function VmStateChip({ state }: { state: VmState }): React.JSX.Element {
  return <Chip size="small" label={state} color={stateColor(state)} variant={state === 'Stopped' ? 'outlined' : 'filled'} />;
}
