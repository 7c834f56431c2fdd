import { useMemo } from 'react';
import Box from '@mui/material/Box';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import type { NetworkMap, NetworkNodeKind } from '../../../../shared/model/network-map';
import { describeMap, HEADER_HEIGHT, layoutMap, LINE_HEIGHT, NODE_PADDING, NODE_WIDTH, type LaidNode } from './map-layout';

/** The tallest the drawing's frame grows before it scrolls. */
const MAX_FRAME_HEIGHT = 'max(360px, min(70vh, 760px))';

function kindColour(theme: Theme, kind: NetworkNodeKind): string {
  switch (kind) {
    case 'windows':
    case 'host':
    case 'port':
      return theme.palette.primary.main;
    case 'nat':
      return theme.palette.info.main;
    case 'vm':
      return theme.palette.secondary.main;
    case 'docker-network':
      return theme.palette.success.main;
    case 'container':
      return theme.palette.warning.main;
    case 'dns':
      return theme.palette.text.secondary;
  }
}

function NodeBox({ laid, theme }: { laid: LaidNode; theme: Theme }): React.JSX.Element {
  const colour = kindColour(theme, laid.node.kind);
  return (
    <g data-kind={laid.node.kind}>
      <title>{[laid.node.label, ...laid.node.addresses, laid.node.detail ?? '', laid.node.modelled ? 'modelled' : ''].filter(Boolean).join('\n')}</title>
      <rect x={laid.x} y={laid.y} width={NODE_WIDTH} height={laid.height} rx={8} fill={theme.palette.background.paper} />
      <rect
        x={laid.x}
        y={laid.y}
        width={NODE_WIDTH}
        height={laid.height}
        rx={8}
        fill={alpha(colour, theme.palette.mode === 'dark' ? 0.16 : 0.07)}
        stroke={colour}
        strokeWidth={1.5}
      />
      <rect x={laid.x} y={laid.y} width={5} height={laid.height} rx={2} fill={colour} />
      {laid.lines.map((line, index) => (
        <text
          key={`${line.style}-${index}`}
          x={laid.x + NODE_PADDING + 4}
          y={laid.y + NODE_PADDING + (index + 1) * LINE_HEIGHT - 4}
          fontSize={line.style === 'label' ? 13 : 12}
          fontWeight={line.style === 'label' ? 600 : 400}
          fontStyle={line.style === 'modelled' ? 'italic' : 'normal'}
          fontFamily={line.style === 'address' ? 'ui-monospace, "Cascadia Mono", Consolas, monospace' : theme.typography.fontFamily}
          fill={line.style === 'label' || line.style === 'address' ? theme.palette.text.primary : theme.palette.text.secondary}
        >
          {line.text}
        </text>
      ))}
    </g>
  );
}

/**
 * The network map drawn: one column per layer, each node a box with its label, addresses, detail and a "modelled"
 * line, edges as curves (one within a column bows out to the right, clear of the boxes), in the theme's colours. The drawing is one image named by a summary sentence; it scrolls
 * both ways inside its frame, so a map of many containers stays legible.
 */
export function NetworkMapDiagram({ map }: { map: NetworkMap }): React.JSX.Element {
  const theme = useTheme();
  const layout = useMemo(() => layoutMap(map.nodes, map.edges), [map.nodes, map.edges]);
  const summary = useMemo(() => describeMap(map.nodes), [map.nodes]);
  // Opaque, so lines sharing a trunk do not darken each other; 3:1 or more against the paper in both modes.
  const edgeColour = theme.palette.mode === 'dark' ? theme.palette.grey[500] : theme.palette.grey[600];
  return (
    <Box
      tabIndex={0}
      aria-label="Network map drawing (scrolls)"
      role="region"
      sx={{
        overflow: 'auto',
        maxHeight: MAX_FRAME_HEIGHT,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
      }}
    >
      <svg role="img" aria-label={summary} width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} style={{ display: 'block' }}>
        {layout.columns.map((column) => (
          <text
            key={column.x}
            x={column.x}
            y={HEADER_HEIGHT - 8}
            fontSize={12}
            fontWeight={600}
            fontFamily={theme.typography.fontFamily}
            fill={theme.palette.text.secondary}
            letterSpacing="0.04em"
          >
            {column.title.toUpperCase()}
          </text>
        ))}
        {layout.edges.map((laid) => (
          <g key={`${laid.edge.from}->${laid.edge.to}`}>
            <path d={laid.path} fill="none" stroke={edgeColour} strokeWidth={1.5}>
              {laid.edge.label !== null && <title>{laid.edge.label}</title>}
            </path>
            {laid.labelAt !== null && laid.edge.label !== null && (
              <text
                x={laid.labelAt.x}
                y={laid.labelAt.y}
                textAnchor="end"
                fontSize={10}
                fontFamily={theme.typography.fontFamily}
                fill={theme.palette.text.secondary}
                stroke={theme.palette.background.paper}
                strokeWidth={4}
                paintOrder="stroke"
              >
                {laid.edge.label}
              </text>
            )}
          </g>
        ))}
        {layout.nodes.map((laid) => (
          <NodeBox key={laid.node.id} laid={laid} theme={theme} />
        ))}
      </svg>
    </Box>
  );
}
