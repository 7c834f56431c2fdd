import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { NetworkMap } from '../../../../shared/model/network-map';
import { FactList } from '../../components/FactList';
import { MODE_TEXT, PLACEMENT_TEXT } from './network-words';

/** Where the engine runs (with the placement's own sentence), WSL's networking mode, the DNS in use and the port count. */
export function NetworkFactsCard({ map }: { map: NetworkMap }): React.JSX.Element {
  const placement = map.placement.distro === null ? PLACEMENT_TEXT[map.placement.kind] : `${PLACEMENT_TEXT[map.placement.kind]}: ${map.placement.distro}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby="network-facts-title">
      <CardContent>
        <Typography id="network-facts-title" variant="h6" component="h3" gutterBottom>
          Where things run
        </Typography>
        <Typography variant="body2" sx={{ mb: 1.5 }}>
          {map.placement.description}
        </Typography>
        <FactList
          label="Network facts"
          facts={[
            { label: 'Engine runs', value: placement },
            { label: 'Networking mode', value: map.mode === null ? 'No WSL here' : MODE_TEXT[map.mode] },
            { label: 'DNS', value: map.dns.length === 0 ? '—' : map.dns.join(', ') },
            { label: 'Published ports', value: String(map.ports.length) },
          ]}
        />
      </CardContent>
    </Card>
  );
}
