import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import Check from '@mui/icons-material/Check';
import { useState } from 'react';
import type { DistroDetail } from '../../../shared/model/distro';
import { DistroDetailActions, type DistroDialog } from '../features/distro-detail/DistroDetailActions';
import { DistroDiskCard } from '../features/distro-detail/DistroDiskCard';
import { DistroInfoCard } from '../features/distro-detail/DistroInfoCard';
import { DistroMountsCard } from '../features/distro-detail/DistroMountsCard';
import { ExportDialog } from '../features/distro-detail/ExportDialog';
import { SetVersionDialog } from '../features/distro-detail/SetVersionDialog';
import { UnregisterDialog } from '../features/distro-detail/UnregisterDialog';
import { useDistroActions, type DistroActionOutcome, type DistroActionsModel, type DistroDetailAction } from '../features/distro-detail/useDistroActions';
import { useDistroDetail } from '../features/distro-detail/useDistroDetail';
import { DistroStateChip } from '../features/distros/DistroStateChip';
import { FilesSection } from '../features/files/FilesSection';
import { OperationsPanel } from '../features/operations/OperationsPanel';
import { describeIpcError } from '../ipc/ipc-error';
import { hrefFor } from '../navigation/route';
import { RetryAlert } from '../components/RetryAlert';
import { ActionErrorAlert } from '../components/ActionErrorAlert';

function Crumbs({ name }: { name: string }): React.JSX.Element {
  return (
    <Breadcrumbs aria-label="Breadcrumb">
      <Link href={hrefFor('distros')} underline="hover" color="inherit">
        Distros
      </Link>
      <Typography color="text.primary" aria-current="page">
        {name}
      </Typography>
    </Breadcrumbs>
  );
}

function Message({ title, text }: { title: string; text: string }): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h6" component="p">
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {text}
      </Typography>
      <Button href={hrefFor('distros')} variant="outlined">
        Back to Distros
      </Button>
    </Paper>
  );
}

function Dialogs(props: {
  dialog: DistroDialog | null;
  distro: DistroDetail;
  actions: DistroActionsModel;
  onClose: () => void;
  onRun: (action: DistroDetailAction) => void;
}): React.JSX.Element | null {
  const { dialog, distro, actions, onClose, onRun } = props;
  const shared = { open: true, distro, error: actions.error, onClose, running: actions.running === dialog };
  if (dialog === 'export') return <ExportDialog {...shared} onExport={(filePath, format) => onRun({ kind: 'export', filePath, format })} />;
  if (dialog === 'unregister') return <UnregisterDialog {...shared} onUnregister={(confirm) => onRun({ kind: 'unregister', confirm })} />;
  if (dialog === 'set-version') return <SetVersionDialog {...shared} onConvert={(version) => onRun({ kind: 'set-version', version })} />;
  return null;
}

function Loaded({ distro, onSettled }: { distro: DistroDetail; onSettled: (outcome: DistroActionOutcome) => void }): React.JSX.Element {
  const actions = useDistroActions(distro.name, onSettled);
  const [dialog, setDialog] = useState<DistroDialog | null>(null);
  const openDialog = (next: DistroDialog): void => {
    actions.clear();
    setDialog(next);
  };
  const run = (action: DistroDetailAction): void => {
    void actions.run(action).then((ok) => {
      if (ok) setDialog(null);
    });
  };
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2">
          {distro.name}
        </Typography>
        <DistroStateChip state={distro.state} />
        <Chip size="small" variant="outlined" label={`WSL ${distro.version}`} />
        {distro.isDefault && <Chip size="small" color="primary" variant="outlined" icon={<Check />} label="Default" />}
      </Box>
      <DistroDetailActions distro={distro} running={actions.running} onRun={run} onOpen={openDialog} />
      {dialog === null && actions.error !== undefined && (
        <ActionErrorAlert error={actions.error} onClose={actions.clear} />
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <DistroInfoCard distro={distro} />
        <DistroDiskCard
          distro={distro}
          busy={actions.running !== undefined}
          compacting={actions.running === 'compact'}
          onCompact={() => run({ kind: 'compact' })}
          onSetSparse={(sparse) => run({ kind: 'set-sparse', sparse })}
        />
        <Box sx={{ gridColumn: '1 / -1' }}>
          <DistroMountsCard distro={distro} />
        </Box>
        <Box sx={{ gridColumn: '1 / -1', minWidth: 0 }}>
          <FilesSection filter={{ distro: distro.name }} name={distro.name} refreshKey={distro.state} />
        </Box>
      </Box>
      <Dialogs dialog={dialog} distro={distro} actions={actions} onClose={() => setDialog(null)} onRun={run} />
      <Snackbar open={actions.notice !== undefined && dialog === null} autoHideDuration={6000} onClose={(_event, reason) => reason !== 'clickaway' && actions.clear()}>
        <Alert severity="success" variant="filled" onClose={actions.clear} sx={{ width: '100%' }}>
          {actions.notice}
        </Alert>
      </Snackbar>
    </Stack>
  );
}

function Body({ name }: { name: string }): React.JSX.Element {
  const model = useDistroDetail(name);
  const { detail, loadError, gone, refetch, apply } = model;
  if (gone) return <Message title={`${name} is no longer installed`} text="It was unregistered, so it and its disk are gone." />;
  if (detail === undefined) {
    if (loadError === undefined) {
      return (
        <Stack role="status" aria-label={`Loading ${name}`} spacing={2}>
          <Skeleton variant="rounded" height={40} width={320} />
          <Skeleton variant="rounded" height={200} />
        </Stack>
      );
    }
    if (loadError.code === 'NOT_FOUND') return <Message title={`No distro named ${name}`} text={describeIpcError(loadError)} />;
    return (
      <RetryAlert onRetry={refetch}>
        Could not read {name}: {describeIpcError(loadError)}
      </RetryAlert>
    );
  }
  return (
    <Stack spacing={2}>
      {loadError !== undefined && (
        <RetryAlert severity="warning" onRetry={refetch}>
          These figures may be out of date: {describeIpcError(loadError)}
        </RetryAlert>
      )}
      <Loaded distro={detail} onSettled={apply} />
    </Stack>
  );
}

/**
 * The page of one distro (`#/distro/<name>`): state, disk, mounts, IP, OS and user, kept live from
 * `distros:changed`, with every action (start, terminate, default, export, convert, compact, sparse, unregister)
 * and their progress; loading, error, not-found and unregistered states.
 */
export function DistroDetailPage({ param }: { param: string | null }): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Crumbs name={param ?? 'Distro'} />
      {param === null ? (
        <Message title="No distro chosen" text="Pick a distro on the Distros page to see its details." />
      ) : (
        <Body name={param} />
      )}
      <OperationsPanel />
    </Stack>
  );
}
