import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { VmInfo } from '../../../../shared/model/vm';
import { FactList } from '../../components/FactList';
import { formatDuration } from '../../components/format-duration';
import { idleText, uptimeAt } from './idle-countdown';
import { useNow } from './useNow';
import { VmStateChip } from './VmStateChip';

/** State, uptime (ticking), processors, running distros and the idle-timeout countdown of the VM. */
export function VmOverviewCard({ vm }: { vm: VmInfo }): React.JSX.Element {
  const now = useNow(1000, vm.state !== 'Stopped');
  return (
    <Card variant="outlined" component="section" aria-labelledby="vm-overview-title">
      <CardContent>
        <Typography id="vm-overview-title" variant="h6" component="h3" gutterBottom>
          Overview
        </Typography>
        <FactList
          label="VM overview"
          facts={[
            { label: 'State', value: <VmStateChip state={vm.state} /> },
            { label: 'Uptime', value: formatDuration(uptimeAt(vm, now)) },
            { label: 'Processors', value: String(vm.processors) },
            { label: 'WSL 2 distros running', value: String(vm.runningDistros) },
            { label: 'Idle timeout', value: idleText(vm, now) },
          ]}
        />
      </CardContent>
    </Card>
  );
}
