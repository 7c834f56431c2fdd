import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { VmNetwork } from '../../../../shared/model/vm';
import { FactList } from '../../components/FactList';

const MODE_TEXT: Record<VmNetwork['mode'], string> = {
  nat: 'NAT (the VM has its own IP behind a virtual switch)',
  mirrored: 'Mirrored (the VM shares the host’s addresses)',
  none: 'None (no network)',
  bridged: 'Bridged',
  virtioproxy: 'VirtioProxy',
};

/** The VM's network: mode, its IP and prefix, the host side (`vEthernet (WSL)`), subnet, DNS and localhost forwarding. */
export function VmNetworkCard({ network }: { network: VmNetwork }): React.JSX.Element {
  const vmIp = network.vmIp === null ? 'None while stopped' : `${network.vmIp}${network.prefixLength === null ? '' : `/${network.prefixLength}`}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby="vm-network-title">
      <CardContent>
        <Typography id="vm-network-title" variant="h6" component="h3" gutterBottom>
          Network
        </Typography>
        <FactList
          label="Network"
          facts={[
            { label: 'Mode', value: MODE_TEXT[network.mode] },
            { label: 'VM IP', value: vmIp },
            { label: 'Host address', value: network.hostIp ?? '—' },
            { label: 'Subnet', value: network.subnet ?? '—' },
            { label: 'DNS', value: network.dns.length === 0 ? '—' : network.dns.join(', ') },
            { label: 'Localhost forwarding', value: network.localhostForwarding ? 'On' : 'Off' },
          ]}
        />
      </CardContent>
    </Card>
  );
}
