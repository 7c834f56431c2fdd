import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { PortBinding } from '../../../../shared/model/container';
import { shownPorts } from './published-ports';

/** A container's ports: published TCP ports are links that open `http://127.0.0.1:<port>/` outside the app; others are text. */
export function PortLinks({ ports, name }: { ports: readonly PortBinding[]; name: string }): React.JSX.Element {
  const shown = shownPorts(ports);
  if (shown.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        —
      </Typography>
    );
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', columnGap: 1 }}>
      {shown.map((port) =>
        port.url === null ? (
          <Typography key={port.key} variant="body2" component="span">
            {port.text}
          </Typography>
        ) : (
          <Link
            key={port.key}
            href={port.url}
            target="_blank"
            rel="noopener noreferrer"
            variant="body2"
            aria-label={`Open ${port.url}, ${name} port ${port.text}`}
          >
            {port.text}
          </Link>
        ),
      )}
    </Box>
  );
}
