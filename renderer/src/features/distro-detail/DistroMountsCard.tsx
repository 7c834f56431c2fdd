import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DistroDetail } from '../../../../shared/model/distro';

/** The distro's mounts (Windows drives over 9p and the rest) as a table labelled "Mounts"; a sentence when there are none. */
export function DistroMountsCard({ distro }: { distro: DistroDetail }): React.JSX.Element {
  return (
    <Card variant="outlined" component="section" aria-labelledby="distro-mounts-title">
      <CardContent>
        <Typography id="distro-mounts-title" variant="h6" component="h3" gutterBottom>
          Mounts
        </Typography>
        {distro.mounts.length === 0 ? (
          <Typography color="text.secondary">
            {distro.state === 'Running' ? 'No mounts were reported.' : 'Mounts are shown while the distro runs.'}
          </Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-label="Mounts">
              <TableHead>
                <TableRow>
                  <TableCell>Mount point</TableCell>
                  <TableCell>Source</TableCell>
                  <TableCell>Type</TableCell>
                  <TableCell>Options</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {distro.mounts.map((mount) => (
                  <TableRow key={`${mount.target} ${mount.source}`}>
                    <TableCell>
                      <code>{mount.target}</code>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{mount.source}</TableCell>
                    <TableCell>{mount.fsType}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere', color: 'text.secondary', fontSize: '0.75rem' }}>{mount.options}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
