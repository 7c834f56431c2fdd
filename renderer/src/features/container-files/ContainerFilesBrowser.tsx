import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FsEntry } from '../../../../shared/model/container-files';
import { LoadingRows } from '../../components/LoadingRows';
import { RetryAlert } from '../../components/RetryAlert';
import { formatBytes } from '../../components/format-bytes';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError } from '../../ipc/ipc-error';
import { EntriesTable } from './EntriesTable';
import { TransferDialog } from './TransferDialog';
import { FileViewer } from './FileViewer';
import { PathBar } from './PathBar';
import { baseName, childPath } from './folder-path';
import { useFolderListing } from './useFolderListing';

/** Props of the browser: the container (id for requests, name for words). */
export interface ContainerFilesBrowserProps {
  id: string;
  name: string;
}

type Transfer = { kind: 'download'; path: string } | { kind: 'upload'; folder: string };

/**
 * The container's filesystem through the archive endpoints (stopped containers too): a path bar, the folder's
 * entries page by page ("Load more"), a viewer for a file's text, Download (a file or the folder, as a tar) and
 * Upload (a file into the folder). Loading, empty and error states.
 */
export function ContainerFilesBrowser({ id, name }: ContainerFilesBrowserProps): React.JSX.Element {
  const [path, setPath] = useState('/');
  const [reloadKey, setReloadKey] = useState(0);
  const [viewing, setViewing] = useState<string | null>(null);
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listing = useFolderListing(id, path, reloadKey);

  const openFolder = (next: string): void => {
    setViewing(null);
    setPath(next);
  };
  const openEntry = (entry: FsEntry): void => {
    const target = childPath(path, entry.name);
    if (entry.type === 'directory') openFolder(target);
    else setViewing(target);
  };

  return (
    <Stack spacing={2} component="section" aria-label={`Files of ${name}`}>
      <PathBar path={path} onOpen={openFolder} />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" size="small" onClick={() => setTransfer({ kind: 'download', path })} aria-label={`Download folder ${path} as a tar`}>
          Download folder
        </Button>
        <Button variant="outlined" size="small" onClick={() => setTransfer({ kind: 'upload', folder: path })} aria-label={`Upload a file into ${path}`}>
          Upload a file
        </Button>
        <Button size="small" onClick={listing.reload} aria-label="Refresh the folder">
          Refresh
        </Button>
      </Box>
      {viewing !== null && (
        <FileViewer id={id} path={viewing} onDownload={() => setTransfer({ kind: 'download', path: viewing })} onOpenFolder={openFolder} onClose={() => setViewing(null)} />
      )}
      {listing.loading && <LoadingRows what={`the folder ${path}`} rows={5} height={28} />}
      {!listing.loading && listing.error !== null && listing.entries.length === 0 && <RetryAlert onRetry={listing.reload}>{describeIpcError(listing.error)}</RetryAlert>}
      {!listing.loading && listing.error === null && listing.entries.length === 0 && <Alert severity="info">This folder is empty.</Alert>}
      {!listing.loading && listing.entries.length > 0 && (
        <>
          <EntriesTable path={path} entries={listing.entries} onOpen={openEntry} />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary" role="status">
              {listing.entries.length} {listing.entries.length === 1 ? 'entry' : 'entries'} shown{listing.complete ? '' : ', more to load'}
            </Typography>
            {!listing.complete && (
              <Button size="small" variant="outlined" onClick={listing.loadMore} disabled={listing.loadingMore} startIcon={listing.loadingMore ? <CircularProgress size={14} aria-label="Loading more entries" /> : undefined}>
                Load more
              </Button>
            )}
          </Box>
          {listing.error !== null && <RetryAlert onRetry={listing.loadMore}>{describeIpcError(listing.error)}</RetryAlert>}
          {listing.truncated && <Alert severity="warning">This folder is too large to list whole: only the entries found before Lightdock stopped reading are shown.</Alert>}
        </>
      )}
      <TransferDialogs id={id} name={name} transfer={transfer} onClose={() => setTransfer(null)} onNotice={setNotice} onUploaded={() => setReloadKey((n) => n + 1)} />
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} message={notice ?? ''} />
    </Stack>
  );
}

interface TransferDialogsProps {
  id: string;
  name: string;
  transfer: Transfer | null;
  onClose: () => void;
  onNotice: (message: string) => void;
  onUploaded: () => void;
}

function TransferDialogs({ id, name, transfer, onClose, onNotice, onUploaded }: TransferDialogsProps): React.JSX.Element {
  const download = transfer?.kind === 'download' ? transfer.path : null;
  const upload = transfer?.kind === 'upload' ? transfer.folder : null;
  return (
    <>
      <TransferDialog
        open={download !== null}
        title={`Download ${download ?? ''} as a tar`}
        description={`Saves ${download ?? ''} of ${name} as a tar archive on this machine. An existing file is never overwritten.`}
        fieldLabel="Save as"
        purpose="save-file"
        placeholder={`/home/you/${baseName(download ?? '/')}.tar`}
        submitLabel="Save"
        onSubmit={async (filePath) => {
          const saved = await invoke('container-files:download', { id, path: download ?? '/', filePath });
          return `Saved ${saved.filePath} (${formatBytes(saved.sizeBytes)}).`;
        }}
        onDone={onNotice}
        onClose={onClose}
      />
      <TransferDialog
        open={upload !== null}
        title={`Upload a file into ${upload ?? ''}`}
        description={`Copies a file of this machine into ${upload ?? ''} of ${name}; a file of the same name there is replaced.`}
        fieldLabel="File to upload"
        purpose="open-file"
        placeholder="/home/you/notes.txt"
        submitLabel="Upload"
        onSubmit={async (filePath) => {
          const put = await invoke('container-files:upload', { id, folder: upload ?? '/', filePath });
          onUploaded();
          return `Uploaded ${put.path} (${formatBytes(put.sizeBytes)}).`;
        }}
        onDone={onNotice}
        onClose={onClose}
      />
    </>
  );
}
