import { useCallback, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { PlainButton } from '../components/PlainButton';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import BuildOutlined from '@mui/icons-material/BuildOutlined';
import CleaningServicesOutlined from '@mui/icons-material/CleaningServicesOutlined';
import CloudDownloadOutlined from '@mui/icons-material/CloudDownloadOutlined';
import type { ImageSummary } from '../../../shared/model/engine';
import type { JobSummary } from '../../../shared/model/job';
import { formatBytes } from '../components/format-bytes';
import { EngineGate } from '../features/engine/EngineGate';
import { MutationSnackbar } from '../features/engine/MutationSnackbar';
import { describePrune } from '../features/engine/prune-words';
import { useEngineMutation } from '../features/engine/useEngineMutation';
import { ImagesGrid } from '../features/images/ImagesGrid';
import { imageName, useImages } from '../features/images/useImages';
import { ImageJobsPanel, preloadImageJobsList } from '../features/images/ImageJobsPanel';
import { invoke } from '../ipc/ipc-client';
import { describeIpcError } from '../ipc/ipc-error';
import { RetryAlert } from '../components/RetryAlert';
import { lazyPart } from '../components/lazy-part';
import { LazySnackbar, preloadSnackbar } from '../components/LazySnackbar';

// The dialogs (their forms, validation, confirmations and log view) load on first use, so the page paints without them.
const BuildDialog = lazyPart(() => import('../features/images/BuildDialog').then((m) => m.BuildDialog));
const PullDialog = lazyPart(() => import('../features/images/PullDialog').then((m) => m.PullDialog));
const PushDialog = lazyPart(() => import('../features/images/PushDialog').then((m) => m.PushDialog));
const TagDialog = lazyPart(() => import('../features/images/TagDialog').then((m) => m.TagDialog));
const RunContainerDialog = lazyPart(() => import('../features/run/RunContainerDialog').then((m) => m.RunContainerDialog));
const RemoveImageDialog = lazyPart(() => import('../features/images/RemoveImageDialog').then((m) => m.RemoveImageDialog));
const PruneImagesDialog = lazyPart(() => import('../features/images/PruneImagesDialog').then((m) => m.PruneImagesDialog));
const ImageJobDialog = lazyPart(() => import('../features/images/ImageJobDialog').then((m) => m.ImageJobDialog));

/** Loads the page's off-screen parts (dialogs, the jobs list, the snackbar) one after another, ahead of their first use. */
export const IMAGES_PART_LOADS: readonly (() => Promise<void>)[] = [
  preloadSnackbar,
  RemoveImageDialog.preload,
  PruneImagesDialog.preload,
  preloadImageJobsList,
  ImageJobDialog.preload,
  PullDialog.preload,
  BuildDialog.preload,
  TagDialog.preload,
  PushDialog.preload,
  RunContainerDialog.preload,
];

/** The dialog open over the page, if any. */
type OpenDialog =
  | { kind: 'pull' }
  | { kind: 'build' }
  | { kind: 'tag'; image: ImageSummary }
  | { kind: 'push'; image: ImageSummary }
  | { kind: 'run'; image: ImageSummary }
  | { kind: 'job'; job: JobSummary };

function ImagesView(): React.JSX.Element {
  const { images, loadError, refetch } = useImages();
  const mutation = useEngineMutation();
  const [removing, setRemoving] = useState<ImageSummary | undefined>(undefined);
  const [pruning, setPruning] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const onJobEnded = useCallback(
    (job: JobSummary) => {
      if (job.state === 'succeeded' && (job.kind === 'pull' || job.kind === 'build')) refetch();
    },
    [refetch],
  );
  const onShowJob = useCallback((job: JobSummary) => setDialog({ kind: 'job', job }), []);
  const onRemove = useCallback((image: ImageSummary) => setRemoving(image), []);
  const onTag = useCallback((image: ImageSummary) => setDialog({ kind: 'tag', image }), []);
  const onPush = useCallback((image: ImageSummary) => setDialog({ kind: 'push', image }), []);
  const onRun = useCallback((image: ImageSummary) => setDialog({ kind: 'run', image }), []);
  const close = useCallback(() => setDialog(undefined), []);

  const remove = async (image: ImageSummary, force: boolean): Promise<void> => {
    const done = await mutation.run(() => invoke('images:remove', { id: image.id, force }), () => `Removed ${imageName(image)}.`);
    setRemoving(undefined);
    if (done) refetch();
  };
  const prune = async (): Promise<void> => {
    const done = await mutation.run(() => invoke('images:prune', {}), (result) => describePrune(result, 'image', 'images'));
    setPruning(false);
    if (done) refetch();
  };

  let body: React.JSX.Element;
  if (images === undefined) {
    body =
      loadError === undefined ? (
        <Box role="status" aria-label="Loading images">
          <Skeleton variant="rounded" height={120} />
        </Box>
      ) : (
        <RetryAlert onRetry={refetch}>
          Could not load the images: {describeIpcError(loadError)}
        </RetryAlert>
      );
  } else if (images.length === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="p">
          No images
        </Typography>
        <Typography color="text.secondary">
          Pull one from a registry or build one from a folder with a Dockerfile; it appears here.
        </Typography>
      </Paper>
    );
  } else {
    body = <ImagesGrid images={images} busy={mutation.busy} onRemove={onRemove} onTag={onTag} onPush={onPush} onRun={onRun} />;
  }

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {images === undefined ? '' : `${images.length} ${images.length === 1 ? 'image' : 'images'}, ${formatBytes(images.reduce((sum, image) => sum + image.sizeBytes, 0))} in all`}
        </Typography>
        <PlainButton variant="contained" startIcon={<CloudDownloadOutlined />} onClick={() => setDialog({ kind: 'pull' })}>
          Pull an image…
        </PlainButton>
        <PlainButton variant="outlined" startIcon={<BuildOutlined />} onClick={() => setDialog({ kind: 'build' })}>
          Build an image…
        </PlainButton>
        <PlainButton
          variant="outlined"
          destructive
          startIcon={<CleaningServicesOutlined />}
          disabled={images === undefined || mutation.busy}
          onClick={() => setPruning(true)}
        >
          Prune images…
        </PlainButton>
      </Box>
      <ImageJobsPanel onEnded={onJobEnded} onShow={onShowJob} />
      {body}
      {removing !== undefined && (
        <RemoveImageDialog
          image={removing}
          busy={mutation.busy}
          onCancel={() => setRemoving(undefined)}
          onConfirm={(force) => void remove(removing, force)}
        />
      )}
      {pruning && images !== undefined && (
        <PruneImagesDialog images={images} busy={mutation.busy} onCancel={() => setPruning(false)} onConfirm={() => void prune()} />
      )}
      {dialog?.kind === 'pull' && <PullDialog onClose={close} />}
      {dialog?.kind === 'build' && <BuildDialog onClose={close} />}
      {dialog?.kind === 'tag' && (
        <TagDialog
          imageId={dialog.image.id}
          name={imageName(dialog.image)}
          onClose={close}
          onTagged={(target) => {
            close();
            setNotice(`Tagged ${imageName(dialog.image)} as ${target}.`);
            refetch();
          }}
        />
      )}
      {dialog?.kind === 'push' && <PushDialog tags={dialog.image.tags} onClose={close} />}
      {dialog?.kind === 'run' && <RunContainerDialog initialImage={dialog.image.tags[0] ?? dialog.image.id} onClose={close} />}
      {dialog?.kind === 'job' && <ImageJobDialog job={dialog.job} onClose={close} />}
      <MutationSnackbar mutation={mutation} />
      <LazySnackbar open={notice !== undefined} autoHideDuration={6000} onClose={(_event, reason) => reason !== 'clickaway' && setNotice(undefined)}>
        <Alert severity="success" variant="filled" onClose={() => setNotice(undefined)} sx={{ width: '100%' }}>
          {notice}
        </Alert>
      </LazySnackbar>
    </Stack>
  );
}

/**
 * The Images page: the engine's images (each linking to its page) with Run…, Tag…, Push and Remove (asks first) per row;
 * Pull and Build dialogs with live progress; the running and recent image jobs to reopen; Prune (says what goes, then what went).
 */
export function ImagesPage(): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Images
      </Typography>
      <EngineGate what="images">
        <ImagesView />
      </EngineGate>
    </Stack>
  );
}
