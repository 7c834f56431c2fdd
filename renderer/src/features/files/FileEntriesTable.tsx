import Chip from '@mui/material/Chip';
import useMediaQuery from '@mui/material/useMediaQuery';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { FileEntry } from '../../../../shared/model/files';
import { crossingLabel, kindLabel, locationLabel } from './files-words';

function Where({ entry }: { entry: FileEntry }): React.JSX.Element {
  if (entry.crossesBoundary) return <Chip size="small" color="warning" icon={<WarningAmberOutlined />} label={crossingLabel(entry)} sx={{ maxWidth: '100%' }} />;
  return <Chip size="small" variant="outlined" label={locationLabel(entry)} />;
}

function KindText({ entry }: { entry: FileEntry }): React.JSX.Element {
  return (
    <>
      {kindLabel(entry.kind)}
      {entry.processes.length > 0 && (
        <Typography variant="caption" component="div" color="text.secondary">
          {entry.processes.join(', ')}
        </Typography>
      )}
    </>
  );
}

/**
 * The directories one distro or container works in, as a table named `Directories of <name>`; each on a Windows drive
 * carries the warning chip. Below 900 px the kind moves under the path, so the path keeps its width.
 */
export function FileEntriesTable({ name, entries }: { name: string; entries: readonly FileEntry[] }): React.JSX.Element {
  const narrow = useMediaQuery('(max-width:899.95px)', { noSsr: true });
  return (
    <TableContainer>
      <Table size="small" aria-label={`Directories of ${name}`}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: narrow ? '60%' : '45%' }}>Directory</TableCell>
            {!narrow && <TableCell sx={{ width: '20%' }}>Kind</TableCell>}
            <TableCell sx={{ width: narrow ? '40%' : '35%' }}>Where its files are</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={`${entry.kind} ${entry.path} ${entry.source ?? ''}`}>
              <TableCell sx={{ overflowWrap: 'anywhere', minWidth: 160 }}>
                <code>{entry.path}</code>
                {entry.source !== null && (
                  <Typography variant="caption" component="div" color="text.secondary">
                    from <code>{entry.source}</code>
                  </Typography>
                )}
                {narrow && (
                  <Typography variant="caption" component="div" color="text.secondary">
                    {kindLabel(entry.kind)}
                    {entry.processes.length > 0 && ` · ${entry.processes.join(', ')}`}
                  </Typography>
                )}
              </TableCell>
              {!narrow && (
                <TableCell>
                  <KindText entry={entry} />
                </TableCell>
              )}
              <TableCell>
                <Where entry={entry} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
