import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { DistroDetail } from '../../../../shared/model/distro';
import { FactList } from '../../components/FactList';

const UNKNOWN_WHILE_STOPPED = 'Shown while the distro runs';

/** The distro's identity and what a probe inside it reports: OS, default user, IP, systemd, id and install folder. */
export function DistroInfoCard({ distro }: { distro: DistroDetail }): React.JSX.Element {
  const running = distro.state === 'Running';
  const orUnknown = (value: string | null): string => value ?? (running ? 'Unknown' : UNKNOWN_WHILE_STOPPED);
  return (
    <Card variant="outlined" component="section" aria-labelledby="distro-info-title">
      <CardContent>
        <Typography id="distro-info-title" variant="h6" component="h3" gutterBottom>
          Details
        </Typography>
        <FactList
          label="Distro details"
          facts={[
            { label: 'OS', value: orUnknown(distro.osName) },
            { label: 'Default user', value: orUnknown(distro.defaultUser) },
            { label: 'IP address', value: distro.ip ?? (running ? 'None' : UNKNOWN_WHILE_STOPPED) },
            { label: 'systemd', value: distro.systemd === null ? orUnknown(null) : distro.systemd ? 'Enabled' : 'Disabled' },
            { label: 'WSL version', value: `WSL ${distro.version}` },
            { label: 'Install folder', value: distro.basePath === null ? '—' : <code>{distro.basePath}</code> },
            { label: 'ID', value: distro.id ?? '—' },
          ]}
        />
      </CardContent>
    </Card>
  );
}
