import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import LocalOfferOutlined from '@mui/icons-material/LocalOfferOutlined';
import { isImageReference } from '../../../shared/model/reference-grammar';
import type { ImageDetail } from '../../../shared/model/image-detail';
import { FactList, type Fact } from '../components/FactList';
import { formatBytes } from '../components/format-bytes';
import { RetryAlert } from '../components/RetryAlert';
import { CopyButton } from '../features/container-detail/CopyButton';
import { ContainerStateChip } from '../features/containers/ContainerStateChip';
import { EngineGate } from '../features/engine/EngineGate';
import { MutationSnackbar } from '../features/engine/MutationSnackbar';
import { useEngineMutation } from '../features/engine/useEngineMutation';
import { ImageLayersTable } from '../features/images/ImageLayersTable';
import { pushHint } from '../features/images/image-words';
import { PushDialog } from '../features/images/PushDialog';
import { RemoveImageDialog } from '../features/images/RemoveImageDialog';
import { TagDialog } from '../features/images/TagDialog';
import { useImageDetail } from '../features/images/useImageDetail';
import { imageName, shortImageId } from '../features/images/useImages';
import { RunContainerButton } from '../features/run/RunContainerButton';
import { invoke } from '../ipc/ipc-client';
import { describeIpcError } from '../ipc/ipc-error';
import { hrefFor, navigate } from '../navigation/route';

function Trail({ current }: { current: string | null }): React.JSX.Element {
  return (
    <Breadcrumbs aria-label="Breadcrumb">
      <Link href={hrefFor('images')} underline="hover">
        Images
      </Link>
      {current !== null && (
        <Typography color="text.primary" aria-current="page" sx={{ overflowWrap: 'anywhere' }}>
          {current}
        </Typography>
      )}
    </Breadcrumbs>
  );
}

/** A short form of an id in the address (`sha256:<64 hex>` → 12 hex digits); a reference as it is. */
function shortRef(ref: string): string {
  return /^(sha256:)?[0-9a-f]{64}$/.test(ref) ? shortImageId(ref) : ref;
}

/** An argv as one line: words with spaces or quotes are quoted, as a shell would need them. */
function argvText(argv: readonly string[] | null): string | null {
  if (argv === null || argv.length === 0) return null;
  return argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : JSON.stringify(word))).join(' ');
}

function Mono({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <Box component="code" sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </Box>
  );
}

function Muted({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <Typography component="span" variant="body2" color="text.secondary">
      {children}
    </Typography>
  );
}

function facts(detail: ImageDetail): Fact[] {
  const { config } = detail;
  const platform = [detail.os, detail.architecture].filter((part) => part !== null && part !== '').join('/');
  const cmd = argvText(config.cmd);
  const entrypoint = argvText(config.entrypoint);
  return [
    {
      label: 'ID',
      value: (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Mono>{detail.id}</Mono>
          <CopyButton label="Copy the image ID" text={() => detail.id} />
        </Box>
      ),
    },
    {
      label: 'Tags',
      value:
        detail.tags.length === 0 ? (
          <Muted>none (dangling)</Muted>
        ) : (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
            {detail.tags.map((tag) => (
              <Chip key={tag} size="small" label={tag} />
            ))}
          </Box>
        ),
    },
    ...(detail.digests.length === 0 ? [] : [{ label: 'Digests', value: <Mono>{detail.digests.join('\n')}</Mono> }]),
    { label: 'Size', value: formatBytes(detail.sizeBytes) },
    { label: 'Created', value: new Date(detail.created * 1000).toLocaleString() },
    { label: 'Platform', value: platform === '' ? <Muted>not recorded</Muted> : platform },
    { label: 'Command', value: cmd === null ? <Muted>none</Muted> : <Mono>{cmd}</Mono> },
    { label: 'Entrypoint', value: entrypoint === null ? <Muted>none</Muted> : <Mono>{entrypoint}</Mono> },
    { label: 'Environment', value: config.env.length === 0 ? <Muted>none</Muted> : <Mono>{config.env.join('\n')}</Mono> },
    { label: 'Exposed ports', value: config.exposedPorts.length === 0 ? <Muted>none</Muted> : config.exposedPorts.join(', ') },
    { label: 'Working directory', value: config.workingDir === null || config.workingDir === '' ? <Muted>/ (the default)</Muted> : <Mono>{config.workingDir}</Mono> },
    { label: 'User', value: config.user === null || config.user === '' ? <Muted>root (the default)</Muted> : <Mono>{config.user}</Mono> },
    ...(config.volumes.length === 0 ? [] : [{ label: 'Volumes', value: <Mono>{config.volumes.join('\n')}</Mono> }]),
  ];
}

function UsedBy({ detail }: { detail: ImageDetail }): React.JSX.Element {
  if (detail.usedBy.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No container uses this image.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Containers using this image">
      {detail.usedBy.map((user) => (
        <ListItem key={user.id} disableGutters sx={{ gap: 1.5 }}>
          <Link href={hrefFor('container', user.id)} underline="hover">
            {user.name}
          </Link>
          <ContainerStateChip state={user.state} />
        </ListItem>
      ))}
    </List>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  const id = `image-section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography id={id} variant="h6" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function NotFound({ reference }: { reference: string }): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Trail current={shortRef(reference)} />
      <Typography variant="h5" component="h2" sx={{ overflowWrap: 'anywhere' }}>
        {shortRef(reference)}
      </Typography>
      <Alert severity="warning">
        There is no image {shortRef(reference)} on this engine: it may have been removed, or never pulled.{' '}
        <Link href={hrefFor('images')}>Back to Images</Link>
      </Alert>
    </Stack>
  );
}

type OpenDialog = 'tag' | 'push' | 'remove' | undefined;

function DetailView({ reference }: { reference: string }): React.JSX.Element {
  const { detail, loadError, refetch } = useImageDetail(reference);
  const mutation = useEngineMutation();
  const [dialog, setDialog] = useState<OpenDialog>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  if (detail === undefined) {
    if (loadError?.code === 'NOT_FOUND') return <NotFound reference={reference} />;
    return (
      <Stack spacing={2}>
        <Trail current={shortRef(reference)} />
        {loadError === undefined ? (
          <Box role="status" aria-label="Loading the image">
            <Skeleton variant="text" width={280} height={40} />
            <Skeleton variant="rounded" height={240} />
          </Box>
        ) : (
          <RetryAlert onRetry={refetch}>Could not load this image: {describeIpcError(loadError)}</RetryAlert>
        )}
      </Stack>
    );
  }

  const name = imageName(detail);
  const gone = loadError?.code === 'NOT_FOUND';
  const remove = async (force: boolean): Promise<void> => {
    const done = await mutation.run(() => invoke('images:remove', { id: detail.id, force }), () => `Removed ${name}.`);
    setDialog(undefined);
    if (done) navigate('images');
  };

  return (
    <Stack spacing={3}>
      <Stack spacing={1}>
        <Trail current={name} />
        <Typography variant="h5" component="h2" sx={{ overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {shortImageId(detail.id)} · {formatBytes(detail.sizeBytes)} · {detail.layers.length} {detail.layers.length === 1 ? 'layer' : 'layers'}
        </Typography>
      </Stack>
      {gone && <Alert severity="warning">This image was removed. What you see is its last known state.</Alert>}
      {loadError !== undefined && !gone && <Alert severity="warning">This view may be out of date: {describeIpcError(loadError)}</Alert>}
      {!gone && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <RunContainerButton image={detail.tags[0] ?? detail.id} />
          <Button variant="outlined" startIcon={<LocalOfferOutlined />} onClick={() => setDialog('tag')} disabled={mutation.busy}>
            Tag…
          </Button>
          <Tooltip title={pushHint(detail.tags[0])}>
            <span>
              <Button variant="outlined" startIcon={<CloudUploadOutlined />} onClick={() => setDialog('push')} disabled={mutation.busy || detail.tags.length === 0}>
                Push…
              </Button>
            </span>
          </Tooltip>
          <Button variant="outlined" color="error" startIcon={<DeleteOutlined />} onClick={() => setDialog('remove')} disabled={mutation.busy}>
            Remove…
          </Button>
        </Box>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <FactList label="Image facts" facts={facts(detail)} />
      </Paper>
      <Section title="Layers">
        {detail.layers.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            The engine recorded no history for this image.
          </Typography>
        ) : (
          <ImageLayersTable layers={detail.layers} />
        )}
      </Section>
      <Section title="Used by">
        <UsedBy detail={detail} />
      </Section>
      {dialog === 'tag' && (
        <TagDialog
          imageId={detail.id}
          name={name}
          onClose={() => setDialog(undefined)}
          onTagged={(target) => {
            setDialog(undefined);
            setNotice(`Tagged ${name} as ${target}.`);
            refetch();
          }}
        />
      )}
      {dialog === 'push' && <PushDialog tags={detail.tags} onClose={() => setDialog(undefined)} />}
      {dialog === 'remove' && (
        <RemoveImageDialog
          image={{ ...detail, containers: Math.max(detail.containers, detail.usedBy.length) }}
          busy={mutation.busy}
          onCancel={() => setDialog(undefined)}
          onConfirm={(force) => void remove(force)}
        />
      )}
      <MutationSnackbar mutation={mutation} />
      <Snackbar open={notice !== undefined} autoHideDuration={6000} onClose={(_event, reason) => reason !== 'clickaway' && setNotice(undefined)}>
        <Alert severity="success" variant="filled" onClose={() => setNotice(undefined)} sx={{ width: '100%' }}>
          {notice}
        </Alert>
      </Snackbar>
    </Stack>
  );
}

/**
 * The image detail page (`#/image/<id or reference>`): breadcrumbs Images › name; Run…, Tag…, Push… and Remove…; the
 * image's facts (id, tags, size, platform, command, environment, ports…), its layers with the commands that made
 * them, and the containers using it, each linking to its page. A missing image says so with a way back.
 */
export function ImageDetailPage({ param }: { param: string | null }): React.JSX.Element {
  if (param === null) {
    return (
      <Stack spacing={2}>
        <Trail current={null} />
        <Alert severity="info">
          No image is named in the address. Pick one on the <Link href={hrefFor('images')}>Images</Link> page.
        </Alert>
      </Stack>
    );
  }
  if (!isImageReference(param)) return <NotFound reference={param} />;
  return (
    <EngineGate what="the image">
      <DetailView key={param} reference={param} />
    </EngineGate>
  );
}
