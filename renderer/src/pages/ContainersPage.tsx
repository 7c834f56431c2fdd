import { memo, useCallback, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ContainerAction, ContainerRow } from '../../../shared/model/container';
import { actionApplies, isRunning } from '../features/containers/container-actions';
import { ContainerFilters } from '../features/containers/ContainerFilters';
import { ContainersTable } from '../features/containers/ContainersTable';
import { ContainersTableStyles } from '../features/containers/containers-table-style';
import { BulkActionsBar } from '../features/containers/BulkActionsBar';
import { matchesFilter, projectCounts, SHOW_ALL, type ContainerFilter } from '../features/containers/filter-containers';
import { describeSuccess, useContainerActions, type ActionReport } from '../features/containers/useContainerActions';
import { useContainers } from '../features/containers/useContainers';
import { useStatsStream } from '../features/containers/useStatsStream';
import type { ComposeAction } from '../../../shared/model/compose';
import { ComposeCliAlert } from '../features/compose/ComposeCliAlert';
import type { ComposeJobSource } from '../features/compose/ComposeJobDialog';
import { ComposeRowContext, type ComposeRowState } from '../features/compose/compose-row-context';
import { OpenComposeFileButton } from '../features/compose/OpenComposeFileButton';
import { useCompose } from '../features/compose/useCompose';
import { EngineGate } from '../features/engine/EngineGate';
import { RunContainerButton } from '../features/run/RunContainerButton';
import { describeIpcError } from '../ipc/ipc-error';
import { RetryAlert } from '../components/RetryAlert';
import { LoadingRows } from '../components/LoadingRows';
import { lazyPart } from '../components/lazy-part';
import { LazySnackbar } from '../components/LazySnackbar';

// Dialogs are not on screen until asked for: their code loads then, not with the page.
const RemoveContainersDialog = lazyPart(() => import('../features/containers/RemoveContainersDialog').then((m) => m.RemoveContainersDialog));
const ComposeJobDialog = lazyPart(() => import('../features/compose/ComposeJobDialog').then((m) => m.ComposeJobDialog));

// The page's parts that a stats sample, a compose answer or the table's visible rows do not change: they render again
// only when their own props change, so those updates (several in the first moments after the page opens) cost the
// table alone.
const Filters = memo(ContainerFilters);
const BulkBar = memo(BulkActionsBar);
const RunButton = memo(RunContainerButton);
const ComposeFileButton = memo(OpenComposeFileButton);
const CliAlert = memo(ComposeCliAlert);

function EmptyState(): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h6" component="p">
        No containers yet
      </Typography>
      <Typography color="text.secondary">
        Create one from a terminal, for example <code>docker run -d -p 8080:80 nginx</code>; it appears here at once.
      </Typography>
    </Paper>
  );
}

function NoMatch({ onClear }: { onClear: () => void }): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }}>
      <Typography variant="h6" component="p">
        No container matches these filters
      </Typography>
      <Button sx={{ mt: 1 }} onClick={onClear}>
        Clear filters
      </Button>
    </Paper>
  );
}

const ReportSnackbar = memo(function ReportSnackbar({ report, onClose }: { report: ActionReport | undefined; onClose: () => void }): React.JSX.Element {
  const success = report === undefined ? null : describeSuccess(report);
  const failed = report !== undefined && report.failures.length > 0;
  return (
    <LazySnackbar
      open={report !== undefined}
      autoHideDuration={failed ? null : 5000}
      onClose={(_event, reason) => reason !== 'clickaway' && onClose()}
    >
      <Alert severity={failed ? 'error' : 'success'} variant="filled" onClose={onClose} sx={{ width: '100%' }}>
        {success}
        {failed && (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {report.failures.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </Box>
        )}
      </Alert>
    </LazySnackbar>
  );
});

/** Whether a project with no containers left passes the filter: no state filter, its project chosen or all, the text in its name. */
function downProjectShown(name: string, filter: ContainerFilter): boolean {
  if (filter.state !== 'all' || (filter.project !== 'all' && filter.project !== name)) return false;
  return name.includes(filter.text.trim().toLowerCase());
}

/** The down projects shown when there are none: one array, so an empty answer is not a change. */
const NO_DOWN_PROJECTS: readonly string[] = [];

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function ContainersView(): React.JSX.Element {
  const { containers, loadError, refetch } = useContainers();
  const [filter, setFilter] = useState<ContainerFilter>(SHOW_ALL);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [shownIds, setShownIds] = useState<string[]>([]);
  const [toRemove, setToRemove] = useState<ContainerRow[]>([]);
  const all = useMemo(() => containers ?? [], [containers]);
  const names = useRef(new Map<string, string>());
  const latest = useRef(all);
  latest.current = all;
  const nameOf = useCallback((id: string) => {
    const found = latest.current.find((container) => container.id === id)?.name ?? names.current.get(id);
    if (found !== undefined) names.current.set(id, found);
    return found ?? id.slice(0, 12);
  }, []);
  const actions = useContainerActions(nameOf);
  const projects = useMemo(() => projectCounts(all), [all]);
  const runningCount = useMemo(() => all.filter((container) => isRunning(container.state)).length, [all]);

  const filtered = useMemo(() => all.filter((container) => matchesFilter(container, filter)), [all, filter]);
  const selected = useMemo(() => filtered.filter((container) => selection.has(container.id)), [filtered, selection]);
  const selectedIds = useMemo(() => new Set(selected.map((container) => container.id)), [selected]);
  const watched = useMemo(() => {
    const shown = new Set(shownIds);
    return filtered.filter((container) => shown.has(container.id) && container.state === 'running').map((container) => container.id);
  }, [filtered, shownIds]);
  const stats = useStatsStream(watched).latest;

  const onShownIdsChange = useCallback((ids: string[]) => setShownIds((previous) => (sameIds(previous, ids) ? previous : ids)), []);
  const { act } = actions;
  const onRowAction = useCallback(
    (id: string, action: ContainerAction) => {
      if (action !== 'remove') return void act([id], action);
      const container = latest.current.find((entry) => entry.id === id);
      if (container !== undefined) setToRemove([container]);
    },
    [act],
  );

  const onBulk = useCallback(
    (action: ContainerAction): void => {
      const targets = selected.filter((container) => actionApplies(action, container.state));
      if (action === 'remove') setToRemove(targets);
      else void act(targets.map((container) => container.id), action);
    },
    [selected, act],
  );

  const busy = selected.some((container) => actions.pending.has(container.id));

  const compose = useCompose(containers);
  const [composeJob, setComposeJob] = useState<ComposeJobSource | null>(null);
  const onComposeAction = useCallback((project: string, action: ComposeAction) => setComposeJob({ project, action }), []);
  const composeRow = useMemo<ComposeRowState>(() => ({ projects: compose.projects, cli: compose.cli, onAction: onComposeAction }), [compose.projects, compose.cli, onComposeAction]);
  // None shown keeps one identity, so the projects arriving (or changing) with none down leaves the table's tree, and its rows, as they are.
  const downProjects = useMemo(() => {
    const shown = compose.downProjects.filter((project) => downProjectShown(project.name, filter)).map((project) => project.name);
    return shown.length === 0 ? NO_DOWN_PROJECTS : shown;
  }, [compose.downProjects, filter]);
  const toolbar = (
    <Stack direction="row" spacing={1} role="toolbar" aria-label="Container tools" sx={{ flexWrap: 'wrap' }}>
      <RunButton />
      <ComposeFileButton disabled={compose.cli?.available === false} />
    </Stack>
  );
  const composeDialog = composeJob !== null && <ComposeJobDialog source={composeJob} onClose={() => setComposeJob(null)} />;

  if (containers === undefined) {
    if (loadError === undefined) return <LoadingRows what="containers" />;
    return (
      <RetryAlert onRetry={refetch}>
        Could not load the containers: {describeIpcError(loadError)}
      </RetryAlert>
    );
  }

  return (
    <Stack spacing={2}>
      {toolbar}
      <CliAlert cli={compose.cli} />
      {compose.error !== undefined && (
        <Alert severity="warning">Compose projects could not be read: {describeIpcError(compose.error)}</Alert>
      )}
      {loadError !== undefined && (
        <Alert severity="warning">The list may be out of date: {describeIpcError(loadError)}</Alert>
      )}
      {all.length === 0 && compose.downProjects.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <Filters filter={filter} onChange={setFilter} projects={projects} />
          <BulkBar selected={selected} busy={busy} onAction={onBulk} />
          {filtered.length === 0 && downProjects.length === 0 ? (
            <NoMatch onClear={() => setFilter(SHOW_ALL)} />
          ) : (
            <ComposeRowContext.Provider value={composeRow}>
              <ContainersTable
                containers={filtered}
                stats={stats}
                pending={actions.pending}
                selection={selectedIds}
                onSelectionChange={setSelection}
                onShownIdsChange={onShownIdsChange}
                onAction={onRowAction}
                virtualize={import.meta.env.MODE !== 'test'}
                downProjects={downProjects}
              />
            </ComposeRowContext.Provider>
          )}
          <Typography variant="body2" color="text.secondary">
            {filtered.length} of {all.length} containers shown · {runningCount} running
          </Typography>
        </>
      )}
      {toRemove.length > 0 && (
        <RemoveContainersDialog
          containers={toRemove}
          onCancel={() => setToRemove([])}
          onConfirm={(options) => {
            const ids = toRemove.map((container) => container.id);
            setToRemove([]);
            void act(ids, 'remove', options);
          }}
        />
      )}
      <ReportSnackbar report={actions.report} onClose={actions.clearReport} />
      {composeDialog}
    </Stack>
  );
}

/**
 * The Containers page: a live, filterable table of the engine's containers with bulk actions, or why there is none;
 * each Compose project's row has its working directory and Up/Down/Restart/Pull/Logs, and "Open a compose file…"
 * brings up a new project (both disabled, with how to install it, when there is no Compose CLI).
 */
export function ContainersPage(): React.JSX.Element {
  return (
    <Stack spacing={2}>
      {/* The table's stylesheet goes in with the page's first render, which on a cold load comes while the list is still on its way. */}
      <ContainersTableStyles />
      <Typography variant="h5" component="h2">
        Containers
      </Typography>
      <EngineGate what="containers">
        <ContainersView />
      </EngineGate>
    </Stack>
  );
}
