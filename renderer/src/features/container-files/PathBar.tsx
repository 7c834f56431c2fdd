import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { parseTypedPath, pathSegments } from './folder-path';

/** Props of the path bar: the folder shown and how to open another. */
export interface PathBarProps {
  path: string;
  onOpen: (path: string) => void;
}

/** The folder's breadcrumbs (each a button that opens it) and an editable path with Go (Enter works too). */
export function PathBar({ path, onOpen }: PathBarProps): React.JSX.Element {
  const [typed, setTyped] = useState(path);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTyped(path);
    setError(null);
  }, [path]);
  const segments = pathSegments(path);
  const go = (): void => {
    const parsed = parseTypedPath(typed);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    onOpen(parsed.path);
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Breadcrumbs aria-label="Folder path" maxItems={8} itemsAfterCollapse={4}>
        {segments.map((segment, i) =>
          i === segments.length - 1 ? (
            <Typography key={segment.path} color="text.primary" aria-current="page" sx={{ fontFamily: 'monospace' }}>
              {segment.label}
            </Typography>
          ) : (
            <Link key={segment.path} component="button" type="button" onClick={() => onOpen(segment.path)} aria-label={`Open ${segment.path}`} sx={{ fontFamily: 'monospace' }}>
              {segment.label}
            </Link>
          ),
        )}
      </Breadcrumbs>
      <Box
        component="form"
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
        onSubmit={(event) => {
          event.preventDefault();
          go();
        }}
      >
        <TextField
          label="Path inside the container"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={error !== null}
          helperText={error ?? undefined}
          size="small"
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        <Button type="submit" variant="outlined" aria-label="Go to path">
          Go
        </Button>
      </Box>
    </Box>
  );
}
