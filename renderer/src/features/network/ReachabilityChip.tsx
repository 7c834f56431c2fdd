import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PortReachability } from '../../../../shared/model/network-map';
import { REACHABILITY_CHIP } from './network-words';

/** A port's finding: a coloured chip naming the state, a "Modelled" chip on the simulated host, and the sentence. */
export function ReachabilityChip({ reachability }: { reachability: PortReachability }): React.JSX.Element {
  const chip = REACHABILITY_CHIP[reachability.state];
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start', minWidth: 200 }}>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Chip size="small" label={chip.label} color={chip.color} variant={reachability.state === 'unchecked' ? 'outlined' : 'filled'} />
        {reachability.modelled && reachability.state !== 'unchecked' && <Chip size="small" variant="outlined" label="Modelled" />}
      </Stack>
      {reachability.state !== 'unchecked' && (
        <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {reachability.message}
        </Typography>
      )}
    </Stack>
  );
}
