import FolderOutlined from '@mui/icons-material/FolderOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FsEntry } from '../../../../shared/model/container-files';
import { formatBytes } from '../../components/format-bytes';

/** Props of the entries table: the entries of the folder shown and what opening one does. */
export interface EntriesTableProps {
  path: string;
  entries: FsEntry[];
  onOpen: (entry: FsEntry) => void;
}

function EntryIcon({ type }: { type: FsEntry['type'] }): React.JSX.Element {
  switch (type) {
    case 'directory':
      return <FolderOutlined fontSize="small" color="primary" titleAccess="Folder" />;
    case 'symlink':
      return <LinkOutlined fontSize="small" color="action" titleAccess="Link" />;
    case 'file':
      return <InsertDriveFileOutlined fontSize="small" color="action" titleAccess="File" />;
    case 'other':
      return <HelpOutline fontSize="small" color="disabled" titleAccess="Device or other" />;
  }
}

function actionName(entry: FsEntry): string {
  if (entry.type === 'directory') return `Open folder ${entry.name}`;
  if (entry.type === 'symlink') return `Open link ${entry.name}`;
  return `View file ${entry.name}`;
}

function modified(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toLocaleString();
}

/** A folder's entries: icon and name (a button: folders open, files and links show in the viewer), size, mode, modified. */
export function EntriesTable({ path, entries, onOpen }: EntriesTableProps): React.JSX.Element {
  return (
    <TableContainer sx={{ maxHeight: 480 }}>
      <Table size="small" stickyHeader aria-label={`Entries of ${path}`}>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell align="right">Size</TableCell>
            <TableCell>Mode</TableCell>
            <TableCell>Modified</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.name} hover>
              <TableCell sx={{ maxWidth: 420 }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <EntryIcon type={entry.type} />
                  {entry.type === 'other' ? (
                    <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                      {entry.name}
                    </Typography>
                  ) : (
                    <Link component="button" type="button" onClick={() => onOpen(entry)} aria-label={actionName(entry)} sx={{ fontFamily: 'monospace', textAlign: 'left', overflowWrap: 'anywhere' }}>
                      {entry.name}
                    </Link>
                  )}
                  {entry.linkTarget !== null && (
                    <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                      → {entry.linkTarget}
                    </Typography>
                  )}
                </Box>
              </TableCell>
              <TableCell align="right">{entry.type === 'file' ? formatBytes(entry.sizeBytes) : '—'}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{entry.mode}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{modified(entry.modified)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
