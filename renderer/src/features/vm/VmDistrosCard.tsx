import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { Distro } from '../../../../shared/model/distro';
import { hrefFor } from '../../navigation/route';
import { DistroStateChip } from '../distros/DistroStateChip';

/** The WSL 2 distros (the ones that live in the VM), each linking to its detail page, with their live state. */
export function VmDistrosCard({ distros }: { distros: readonly Distro[] | undefined }): React.JSX.Element {
  const inVm = distros?.filter((distro) => distro.version === 2);
  return (
    <Card variant="outlined" component="section" aria-labelledby="vm-distros-title">
      <CardContent>
        <Typography id="vm-distros-title" variant="h6" component="h3" gutterBottom>
          Distros in the VM
        </Typography>
        {inVm === undefined && <Skeleton variant="rounded" height={64} role="status" aria-label="Loading distros" />}
        {inVm?.length === 0 && <Typography color="text.secondary">No WSL 2 distro is installed.</Typography>}
        {inVm !== undefined && inVm.length > 0 && (
          <List dense disablePadding aria-label="WSL 2 distros">
            {inVm.map((distro) => (
              <ListItem key={distro.name} disableGutters secondaryAction={<DistroStateChip state={distro.state} />}>
                <ListItemText
                  primary={
                    <Link href={hrefFor('distro', distro.name)} underline="hover">
                      {distro.name}
                    </Link>
                  }
                  secondary={distro.isDefault ? 'Default' : undefined}
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}
