import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import OpenInNew from '@mui/icons-material/OpenInNew';
import type { PublishedPort } from '../../../../shared/model/network-map';
import { describeIpcError } from '../../ipc/ipc-error';
import { ReachabilityChip } from './ReachabilityChip';
import { isOpenableUrl, portMapping, portName } from './network-words';
import type { NetworkModel } from './useNetworkMap';

/** Rows per page of the ports table. */
const PAGE_SIZE = 50;

const VIA_TEXT: Record<PublishedPort['via'], string> = {
  localhost: 'From Windows through localhost forwarding',
  'vm-ip': 'From Windows through the VM’s IP',
  host: 'On this machine',
};

function UrlCell({ port }: { port: PublishedPort }): React.JSX.Element {
  if (port.url === null) {
    return (
      <Typography variant="body2" color="text.secondary">
        No URL ({port.protocol.toUpperCase()})
      </Typography>
    );
  }
  return (
    <>
      {isOpenableUrl(port.url) ? (
        <Link href={port.url} target="_blank" rel="noopener noreferrer" aria-label={`Open ${port.url}, ${portName(port)}`} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
          {port.url}
          <OpenInNew fontSize="inherit" aria-hidden />
        </Link>
      ) : (
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {port.url}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary" component="p">
        {isOpenableUrl(port.url) ? VIA_TEXT[port.via] : `${VIA_TEXT[port.via]}; Lightdock opens only localhost links, so paste it into a browser.`}
      </Typography>
    </>
  );
}

function PortRow({ port, model }: { port: PublishedPort; model: NetworkModel }): React.JSX.Element {
  const busy = model.checking.has(port.id);
  const error = model.checkErrors.get(port.id);
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <Box component="span" sx={{ display: 'inline-block', minWidth: 110, maxWidth: 260, overflowWrap: 'anywhere' }}>
          {port.containerName}
        </Box>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {portMapping(port)}
        {port.hostIp !== null && (
          <Typography variant="caption" color="text.secondary" component="p">
            on {port.hostIp}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <UrlCell port={port} />
      </TableCell>
      <TableCell>
        <ReachabilityChip reachability={model.reachabilityOf(port)} />
        {error !== undefined && (
          <Typography variant="caption" color="error" component="p" role="alert">
            Check failed: {describeIpcError(error)}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right">
        <Button
          size="small"
          variant="outlined"
          disabled={busy}
          aria-label={`Check ${portName(port)}`}
          startIcon={busy ? <CircularProgress size={14} aria-hidden /> : undefined}
          onClick={() => void model.check(port)}
        >
          {busy ? 'Checking…' : 'Check'}
        </Button>
      </TableCell>
    </TableRow>
  );
}

/**
 * Every published port in a table: the container, container port → host port/protocol and bound address, the URL
 * that reaches it (a link when the app can open it), the newest reachability finding and a Check button per port.
 */
export function PortsTable({ ports, model }: { ports: readonly PublishedPort[]; model: NetworkModel }): React.JSX.Element {
  const [page, setPage] = useState(0);
  const lastPage = Math.max(0, Math.ceil(ports.length / PAGE_SIZE) - 1);
  const shownPage = Math.min(page, lastPage);
  const rows = ports.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE);
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" aria-label="Published ports">
          <TableHead>
            <TableRow>
              <TableCell>Container</TableCell>
              <TableCell>Container → host port</TableCell>
              <TableCell>URL</TableCell>
              <TableCell>Reachability</TableCell>
              <TableCell align="right">Check</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((port) => (
              <PortRow key={port.id} port={port} model={model} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {ports.length > PAGE_SIZE && (
        <TablePagination
          component="div"
          count={ports.length}
          page={shownPage}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[PAGE_SIZE]}
          onPageChange={(_event, next) => setPage(next)}
        />
      )}
    </Paper>
  );
}
