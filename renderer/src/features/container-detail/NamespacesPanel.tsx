import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ContainerNamespaces, NamespaceInfo } from '../../../../shared/model/container';
import { hrefFor } from '../../navigation/route';

type NamespaceKind = keyof ContainerNamespaces;

/** What each namespace kind gives a container its own copy of, in the order `lsns` lists them. */
export const NAMESPACE_SCOPE: Readonly<Record<NamespaceKind, string>> = {
  pid: 'Process IDs: which processes it can see and signal',
  net: 'Network: interfaces, IP addresses, routes and ports',
  ipc: 'Shared memory and message queues',
  uts: 'Host name and domain name',
  mnt: 'Mounted file systems',
  user: 'User and group IDs (is its root the host’s root?)',
  cgroup: 'Its view of the cgroup tree',
};

const KINDS = Object.keys(NAMESPACE_SCOPE) as NamespaceKind[];

/** Finds a container's name from the id or name the engine reports; undefined when it is not known. */
export type NameOf = (ref: string) => string | undefined;

/** The words for how one namespace is set: "Isolated", "Shared with the host", "Shared with <container name>". */
export function namespaceSharing(info: NamespaceInfo, nameOf: NameOf): string {
  if (info.mode === 'private') return 'Isolated';
  if (info.mode === 'host') return 'Shared with the host';
  if (info.container === null) return 'Shared with another container';
  return `Shared with ${nameOf(info.container) ?? info.container.slice(0, 12)}`;
}

function Sharing({ info, nameOf }: { info: NamespaceInfo; nameOf: NameOf }): React.JSX.Element {
  const label = namespaceSharing(info, nameOf);
  if (info.mode === 'container' && info.container !== null) {
    return (
      <Chip
        size="small"
        color="info"
        variant="outlined"
        label={label}
        component="a"
        clickable
        href={hrefFor('container', info.container)}
      />
    );
  }
  return <Chip size="small" label={label} color={info.mode === 'host' ? 'warning' : 'success'} variant="outlined" />;
}

/**
 * A table named "Namespaces": for each of the seven Linux namespaces, what it isolates, whether this container has
 * its own, shares the host's (amber) or another container's (named, with a link to it), and the namespace id when known.
 */
export function NamespacesPanel({ namespaces, nameOf }: { namespaces: ContainerNamespaces; nameOf: NameOf }): React.JSX.Element {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Namespaces">
        <TableHead>
          <TableRow>
            <TableCell>Namespace</TableCell>
            <TableCell>What it isolates</TableCell>
            <TableCell>This container</TableCell>
            <TableCell align="right">Namespace id</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {KINDS.map((kind) => {
            const info = namespaces[kind];
            return (
              <TableRow key={kind}>
                <TableCell component="th" scope="row">
                  <code>{kind}</code>
                </TableCell>
                <TableCell>{NAMESPACE_SCOPE[kind]}</TableCell>
                <TableCell>
                  <Sharing info={info} nameOf={nameOf} />
                </TableCell>
                <TableCell align="right">{info.inode === null ? '—' : <code>{info.inode}</code>}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}

