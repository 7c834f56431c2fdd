import { useCallback, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { ContainerAction, ContainerDetail } from '../../../shared/model/container';
import { ContainerActionsBar } from '../features/container-detail/ContainerActionsBar';
import { InspectTab } from '../features/container-detail/InspectTab';
import { LogsTab } from '../features/container-detail/LogsTab';
import { OverviewTab } from '../features/container-detail/OverviewTab';
import { StatsTab } from '../features/container-detail/StatsTab';
import { TerminalTab } from '../features/container-detail/TerminalTab';
import { useContainerDetail } from '../features/container-detail/useContainerDetail';
import { useStatsHistory } from '../features/container-detail/useStatsHistory';
import { isRunning } from '../features/containers/container-actions';
import { ContainerStateChip } from '../features/containers/ContainerStateChip';
import { RemoveContainersDialog } from '../features/containers/RemoveContainersDialog';
import { useContainerActions } from '../features/containers/useContainerActions';
import { useContainers } from '../features/containers/useContainers';
import type { NameOf } from '../features/container-detail/NamespacesPanel';
import { EngineGate } from '../features/engine/EngineGate';
import { ContainerFilesBrowser } from '../features/container-files/ContainerFilesBrowser';
import { FilesSection } from '../features/files/FilesSection';
import { describeIpcError } from '../ipc/ipc-error';
import { hrefFor, navigate } from '../navigation/route';
import { RetryAlert } from '../components/RetryAlert';

const TABS = ['Overview', 'Logs', 'Stats', 'Inspect', 'Terminal', 'Files'] as const;
type TabName = (typeof TABS)[number];

function tabId(tab: TabName): string {
  return `container-tab-${tab.toLowerCase()}`;
}

function Trail({ current }: { current: string | null }): React.JSX.Element {
  return (
    <Breadcrumbs aria-label="Breadcrumb">
      <Link href={hrefFor('containers')} underline="hover">
        Containers
      </Link>
      {current !== null && (
        <Typography color="text.primary" aria-current="page">
          {current}
        </Typography>
      )}
    </Breadcrumbs>
  );
}

function shortRef(ref: string): string {
  return /^[0-9a-f]{64}$/.test(ref) ? ref.slice(0, 12) : ref;
}

function DetailView({ id }: { id: string }): React.JSX.Element {
  const { containers } = useContainers();
  const { detail, removed, loadError, refetch } = useContainerDetail(id);
  const nameOfRef = useCallback<NameOf>(
    (ref) => containers?.find((container) => container.id === ref || container.id.startsWith(ref) || container.name === ref)?.name,
    [containers],
  );
  const [tab, setTab] = useState<TabName>('Overview');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const nameOf = useCallback(() => detail?.name ?? id, [detail?.name, id]);
  const actions = useContainerActions(nameOf);
  const running = detail !== undefined && detail.state === 'running';
  const history = useStatsHistory(detail?.id, running && !removed && (tab === 'Overview' || tab === 'Stats'));

  if (detail === undefined) {
    if (loadError === undefined) {
      return (
        <Stack spacing={2}>
          <Trail current={shortRef(id)} />
          <Box role="status" aria-label="Loading the container">
            <Skeleton variant="text" width={240} height={40} />
            <Skeleton variant="rounded" height={200} />
          </Box>
        </Stack>
      );
    }
    return (
      <Stack spacing={2}>
        <Trail current={shortRef(id)} />
        <RetryAlert onRetry={refetch}>
          Could not load this container: {describeIpcError(loadError)}
        </RetryAlert>
      </Stack>
    );
  }

  const onAction = (action: ContainerAction): void => {
    if (action === 'remove') {
      setConfirmRemove(true);
      return;
    }
    void actions.act([detail.id], action).then(refetch);
  };

  return (
    <Stack spacing={2}>
      <Trail current={detail.name} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        <Typography variant="h5" component="h2">
          {detail.name}
        </Typography>
        <ContainerStateChip state={detail.state} />
        <Typography variant="body2" color="text.secondary">
          {detail.image} · {detail.status}
        </Typography>
      </Box>
      {removed && <Alert severity="warning">This container was removed. What you see is its last known state.</Alert>}
      {loadError !== undefined && <Alert severity="warning">This view may be out of date: {describeIpcError(loadError)}</Alert>}
      {!removed && (
        <ContainerActionsBar name={detail.name} state={detail.state} running={actions.pending.get(detail.id)} onAction={onAction} />
      )}
      <Tabs value={tab} onChange={(_event, value: TabName) => setTab(value)} aria-label="Container views" variant="scrollable">
        {TABS.map((name) => (
          <Tab key={name} value={name} label={name} id={tabId(name)} aria-controls={`${tabId(name)}-panel`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`${tabId(tab)}-panel`} aria-labelledby={tabId(tab)}>
        <TabBody tab={tab} detail={detail} running={running && !removed} history={history} nameOf={nameOfRef} />
      </Box>
      {confirmRemove && (
        <RemoveContainersDialog
          containers={[detail]}
          onCancel={() => setConfirmRemove(false)}
          onConfirm={(options) => {
            setConfirmRemove(false);
            void actions.act([detail.id], 'remove', options).then((results) => {
              if (results.every((result) => result.ok)) navigate('containers');
            });
          }}
        />
      )}
      <Snackbar open={actions.report !== undefined && actions.report.failures.length > 0} onClose={actions.clearReport}>
        <Alert severity="error" variant="filled" onClose={actions.clearReport}>
          {actions.report?.failures.join(' ')}
        </Alert>
      </Snackbar>
    </Stack>
  );
}

interface TabBodyProps {
  tab: TabName;
  detail: ContainerDetail;
  running: boolean;
  history: ReturnType<typeof useStatsHistory>;
  nameOf: NameOf;
}

function TabBody({ tab, detail, running, history, nameOf }: TabBodyProps): React.JSX.Element {
  switch (tab) {
    case 'Overview':
      return <OverviewTab detail={detail} latest={running ? history.latest : undefined} nameOf={nameOf} />;
    case 'Logs':
      return <LogsTab id={detail.id} name={detail.name} />;
    case 'Stats':
      return <StatsTab name={detail.name} running={running && isRunning(detail.state)} history={history} />;
    case 'Inspect':
      return <InspectTab inspect={detail.inspect} />;
    case 'Terminal':
      return <TerminalTab id={detail.id} name={detail.name} running={running} />;
    case 'Files':
      return (
        <Stack spacing={3}>
          <ContainerFilesBrowser id={detail.id} name={detail.name} />
          <Stack spacing={1.5} component="section" aria-labelledby="files-boundary-heading">
            <Typography variant="h6" component="h3" id="files-boundary-heading">
              Across the Windows boundary
            </Typography>
            <FilesSection filter={{ container: detail.id }} name={detail.name} refreshKey={detail.state} />
          </Stack>
        </Stack>
      );
  }
}

/**
 * The container detail page (`#/container/<id or name>`): name, state and actions over six tabs (Overview with
 * namespaces and cgroup limits, Logs, Stats, Inspect, Terminal, Files: the container's filesystem, then its
 * directories across the Windows boundary). Streams run only for the tab on screen.
 */
export function ContainerDetailPage({ param }: { param: string | null }): React.JSX.Element {
  if (param === null) {
    return (
      <Stack spacing={2}>
        <Trail current={null} />
        <Alert severity="info">
          No container is named in the address. Pick one on the <Link href={hrefFor('containers')}>Containers</Link> page.
        </Alert>
      </Stack>
    );
  }
  return (
    <EngineGate what="the container">
      <DetailView id={param} />
    </EngineGate>
  );
}
