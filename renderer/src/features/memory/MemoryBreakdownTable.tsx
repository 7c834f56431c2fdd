import { useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import ExpandMore from '@mui/icons-material/ExpandMore';
import ChevronRight from '@mui/icons-material/ChevronRight';
import type { MemoryNode, MemoryNodeKind } from '../../../../shared/model/memory';
import { formatBytes, formatPercent } from '../../components/format-bytes';
import { flattenMemoryTree, type MemoryRow } from './memory-tree';

const KIND_TEXT: Record<MemoryNodeKind, string> = {
  host: 'Machine',
  'host-other': 'Other programs',
  'host-free': 'Free',
  vm: 'WSL 2 VM',
  'vm-system': 'Kernel and system',
  'vm-page-cache': 'Reclaimable',
  'vm-free': 'Free in the VM',
  distro: 'Distro',
  'distro-other': 'Processes',
  container: 'Container',
};

function EstimatedChip({ estimate }: { estimate: string | null }): React.JSX.Element {
  return (
    <Tooltip describeChild title={estimate ?? 'Not read directly; worked out from the other figures.'}>
      <Chip
        size="small"
        variant="outlined"
        label="estimated"
        tabIndex={0}
        sx={({ palette }) => ({ color: palette.mode === 'light' ? palette.info.dark : palette.info.light, borderColor: 'currentColor' })}
      />
    </Tooltip>
  );
}

function limitText(node: MemoryNode): string {
  if (node.limitBytes === null) return '—';
  return `${formatBytes(node.limitBytes)} (${formatPercent(node.bytes, node.limitBytes)} used)`;
}

function PartCell({ row, collapsed, onToggle }: { row: MemoryRow; collapsed: boolean; onToggle: () => void }): React.JSX.Element {
  const { node, depth } = row;
  const parent = node.children.length > 0;
  return (
    <TableCell component="th" scope="row" sx={{ pl: 1 + depth * 2.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
        {parent ? (
          <IconButton size="small" aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${node.label}`} onClick={onToggle} sx={{ ml: -0.5 }}>
            {collapsed ? <ChevronRight fontSize="small" /> : <ExpandMore fontSize="small" />}
          </IconButton>
        ) : (
          <Box aria-hidden sx={{ width: 30, flexShrink: 0 }} />
        )}
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body2" component="span" sx={{ fontWeight: depth === 0 ? 600 : 400, overflowWrap: 'anywhere' }}>
            {node.label}
          </Typography>
          <Typography variant="caption" component="span" color="text.secondary" sx={{ ml: 1 }}>
            {KIND_TEXT[node.kind]}
          </Typography>
        </Box>
        {node.estimated && <EstimatedChip estimate={node.estimate} />}
      </Box>
    </TableCell>
  );
}

/**
 * The breakdown as a tree of rows (host → VM → distros → containers, every root): each part's memory, its limit
 * and how much of it is used, and its share of its parent, parents collapsible; estimated figures carry a chip
 * whose tooltip says how they were reached. The limit column is left out on narrow windows.
 */
export function MemoryBreakdownTable({ roots }: { roots: readonly MemoryNode[] }): React.JSX.Element {
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string): void =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <TableContainer>
      <Table size="small" role="treegrid" aria-label="Memory breakdown table">
        <TableHead>
          <TableRow>
            <TableCell>Part</TableCell>
            <TableCell align="right">Memory</TableCell>
            {!narrow && <TableCell align="right">Limit</TableCell>}
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              Of parent
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {flattenMemoryTree(roots, collapsed).map((row) => (
            <TableRow
              key={`${row.parent?.id ?? ''}/${row.node.id}`}
              aria-level={row.depth + 1}
              aria-expanded={row.node.children.length > 0 ? !collapsed.has(row.node.id) : undefined}
            >
              <PartCell row={row} collapsed={collapsed.has(row.node.id)} onToggle={() => toggle(row.node.id)} />
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatBytes(row.node.bytes)}
              </TableCell>
              {!narrow && (
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {limitText(row.node)}
                </TableCell>
              )}
              <TableCell align="right">{row.parent === null ? '—' : formatPercent(row.node.bytes, row.parent.bytes)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
