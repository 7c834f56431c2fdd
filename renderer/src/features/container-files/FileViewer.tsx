import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LoadingRows } from '../../components/LoadingRows';
import { formatBytes } from '../../components/format-bytes';
import { describeIpcError } from '../../ipc/ipc-error';
import { useFileText } from './useFileText';

/** Characters of a file the viewer puts on screen at most (the rest is a download away). */
export const SHOWN_CHARACTERS = 200_000;

/** Props of the file viewer: the container, the file, and the actions around it. */
export interface FileViewerProps {
  id: string;
  path: string;
  onDownload: () => void;
  onOpenFolder: (path: string) => void;
  onClose: () => void;
}

/**
 * A file's text in a monospace panel (its first MiB from the host, at most SHOWN_CHARACTERS on screen), a notice
 * when only part is shown, "binary file — download it instead" for binary files, and for a link to a folder a
 * button that opens it.
 */
export function FileViewer({ id, path, onDownload, onOpenFolder, onClose }: FileViewerProps): React.JSX.Element {
  const { file, loading, error } = useFileText(id, path);
  const isFolder = error !== null && error.code === 'CONFLICT' && /is a folder/.test(error.message);
  const text = file?.text ?? null;
  const capped = text !== null && text.length > SHOWN_CHARACTERS;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={`File ${path}`}>
      <Stack spacing={1.5}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontFamily: 'monospace', flexGrow: 1, overflowWrap: 'anywhere' }}>
            {path}
            {file !== null && ` · ${formatBytes(file.sizeBytes)}`}
          </Typography>
          <Button size="small" variant="outlined" onClick={onDownload} aria-label={`Download ${path}`}>
            Download
          </Button>
          <Button size="small" onClick={onClose} aria-label="Close the file">
            Close
          </Button>
        </Box>
        {loading && <LoadingRows what={`the file ${path}`} rows={4} height={20} />}
        {isFolder && (
          <Alert severity="info" action={<Button color="inherit" size="small" onClick={() => onOpenFolder(path)}>Open folder</Button>}>
            {path} leads to a folder.
          </Alert>
        )}
        {error !== null && !isFolder && <Alert severity="error">{describeIpcError(error)}</Alert>}
        {file?.binary === true && (
          <Alert severity="info" action={<Button color="inherit" size="small" onClick={onDownload}>Download</Button>}>
            Binary file — download it instead.
          </Alert>
        )}
        {file !== null && !file.binary && (file.truncated || capped) && (
          <Alert severity="warning">
            Only the start of this file is shown ({formatBytes(capped ? SHOWN_CHARACTERS : new TextEncoder().encode(text ?? '').length)} of {formatBytes(file.sizeBytes)}); download it for the whole file.
          </Alert>
        )}
        {text !== null && (
          <Box
            component="pre"
            aria-label={`Contents of ${path}`}
            tabIndex={0}
            sx={{ m: 0, p: 1.5, maxHeight: 420, overflow: 'auto', fontFamily: 'monospace', fontSize: 13, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {text === '' ? '(empty file)' : capped ? text.slice(0, SHOWN_CHARACTERS) : text}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
