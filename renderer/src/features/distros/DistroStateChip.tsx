import Chip, { type ChipProps } from '@mui/material/Chip';
import type { DistroState } from '../../../../shared/model/distro';
import { pillClass } from '../../components/table-row-style';

function stateColor(state: DistroState): ChipProps['color'] {
  if (state === 'Running') return 'success';
  if (state === 'Stopped') return 'default';
  return 'warning';
}

/** A distro's state as its plain English word in a chip: green when Running, neutral when Stopped, amber otherwise. */
export function DistroStateChip({ state }: { state: DistroState }): React.JSX.Element {
  return <Chip size="small" label={state} color={stateColor(state)} variant={state === 'Stopped' ? 'outlined' : 'filled'} />;
}

/** The same state as a table's plain pill (`pillClass`): a row renders a span rather than a Chip. */
export function DistroStatePill({ state }: { state: DistroState }): React.JSX.Element {
  const tone = state === 'Running' ? 'ok' : state === 'Stopped' ? 'quiet' : 'warn';
  return <span className={pillClass(tone)}>{state}</span>;
}
