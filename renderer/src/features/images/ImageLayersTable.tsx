import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ImageLayer } from '../../../../shared/model/image-detail';
import { formatBytes } from '../../components/format-bytes';
import { layerCommand } from './image-words';

/** Commands longer than this (or on several lines) show their start until expanded. */
export const COMMAND_PREVIEW_CHARS = 160;

const MONO = 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';

function isLong(command: string): boolean {
  return command.length > COMMAND_PREVIEW_CHARS || command.includes('\n');
}

function preview(command: string): string {
  const firstLine = command.split('\n')[0] ?? '';
  return firstLine.length > COMMAND_PREVIEW_CHARS ? `${firstLine.slice(0, COMMAND_PREVIEW_CHARS)}…` : `${firstLine} …`;
}

function LayerRow({ layer, index }: { layer: ImageLayer; index: number }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const command = layerCommand(layer.createdBy);
  const empty = layer.sizeBytes === 0;
  const long = isLong(command);
  const dim = empty ? 'text.secondary' : 'text.primary';
  return (
    <TableRow>
      <TableCell sx={{ verticalAlign: 'top', width: '100%', minWidth: 240 }}>
        <Box
          component="code"
          title={layer.createdBy}
          sx={{ display: 'block', fontFamily: MONO, fontSize: 13, color: dim, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {command === '' ? '(no command recorded)' : long && !open ? preview(command) : command}
        </Box>
        {(long || layer.tags.length > 0) && (
          <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            {layer.tags.map((tag) => (
              <Chip key={tag} size="small" variant="outlined" label={tag} />
            ))}
            {long && (
              <Button size="small" aria-expanded={open} aria-label={`${open ? 'Shorten' : 'Show all of'} the command of layer ${index + 1}`} onClick={() => setOpen(!open)}>
                {open ? 'Less' : 'More'}
              </Button>
            )}
          </Box>
        )}
      </TableCell>
      <TableCell align="right" sx={{ verticalAlign: 'top', whiteSpace: 'nowrap', color: dim }}>
        {empty ? '0 B (metadata)' : formatBytes(layer.sizeBytes)}
      </TableCell>
      <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'nowrap', color: dim }}>
        {layer.created > 0 ? new Date(layer.created * 1000).toLocaleDateString() : '—'}
      </TableCell>
    </TableRow>
  );
}

/**
 * An image's layers as a table named "Layers", newest first: the command that made each (monospace, wrapped; long
 * ones shortened with More, the full text on hover), its size and date; layers that add no bytes are dimmed.
 */
export function ImageLayersTable({ layers }: { layers: readonly ImageLayer[] }): React.JSX.Element {
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflowX: 'auto' }}>
      <Table size="small" aria-label="Layers">
        <TableHead>
          <TableRow>
            <TableCell>Created by</TableCell>
            <TableCell align="right">Size</TableCell>
            <TableCell>Created</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {layers.map((layer, index) => (
            <LayerRow key={`${index}-${layer.id ?? 'missing'}`} layer={layer} index={index} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
