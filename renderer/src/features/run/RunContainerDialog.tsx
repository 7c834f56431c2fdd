import { useCallback, useMemo, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { defaultRunSpec } from '../../../../shared/model/run-args';
import type { RunProblem, RunSpec } from '../../../../shared/model/run-container';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError, toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcQuery } from '../../ipc/useIpcQuery';
import { navigate } from '../../navigation/route';
import type { NameOf } from '../container-detail/NamespacesPanel';
import { useContainers } from '../containers/useContainers';
import { useImages } from '../images/useImages';
import { EnvRows } from './EnvRows';
import { ImageFields } from './ImageFields';
import { IsolationFields } from './IsolationFields';
import { IsolationPreview } from './IsolationPreview';
import { MountRows } from './MountRows';
import { PortRows } from './PortRows';
import { ResourcesFields } from './ResourcesFields';
import { RestartFields } from './RestartFields';
import { belongsTo, formFromSpec, problemOn, problemsOfDetails, specFromForm, type RunForm } from './run-form';
import { useRunPlan } from './useRunPlan';

/** Props of the run dialog: the image to start from (an image row's), and how it closes. */
export interface RunContainerDialogProps {
  initialImage?: string;
  onClose(): void;
}

interface RunFailure {
  /** The spec it failed for; its problems show while the form still says the same. */
  key: string;
  error: IpcError;
  problems: RunProblem[];
}

/** The fields the form shows problems next to; a problem on any other field is shown above the buttons. */
const SHOWN_FIELDS = ['image', 'name', 'command', 'env', 'ports', 'mounts', 'restart', 'maxRetries', 'namespaces.network', 'resources'];

function Section({ title, children }: { title: string; children: ReactNode }): React.JSX.Element {
  return (
    <Stack component="section" aria-label={title} spacing={1.5}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

function initialForm(image: string | undefined): RunForm {
  return { ...formFromSpec(defaultRunSpec(image ?? '')), image: image ?? '' };
}

function blockingCount(problems: readonly RunProblem[]): number {
  return problems.filter((problem) => problem.blocking).length;
}

/**
 * "Run a container": every `docker run` choice (image, name, command, environment, ports on 127.0.0.1 by default,
 * volumes, restart, limits, namespaces) beside a live isolation preview from `containers:plan`. Problems show next to
 * their fields (ours at once, the host's plan after a pause, a failed run's from its details); a blocking one disables
 * Run. On success it closes and opens the new container's page; on failure nothing was created and the dialog stays.
 */
export function RunContainerDialog({ initialImage, onClose }: RunContainerDialogProps): React.JSX.Element {
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const [form, setForm] = useState<RunForm>(() => initialForm(initialImage));
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<RunFailure | undefined>(undefined);
  const { images } = useImages();
  const { containers } = useContainers();
  const networksQuery = useIpcQuery('networks:list', {});

  const parsed = useMemo(() => specFromForm(form), [form]);
  const key = parsed.spec === null ? null : JSON.stringify(parsed.spec);
  const planModel = useRunPlan(parsed.spec);
  const merged = useMemo<RunProblem[]>(() => {
    const fromPlan = planModel.stale || planModel.plan === undefined ? [] : planModel.plan.problems;
    const fromRun = failure !== undefined && failure.key === key ? failure.problems.map((problem) => ({ ...problem, blocking: true })) : [];
    return [...parsed.problems, ...fromRun, ...fromPlan];
  }, [parsed.problems, planModel.stale, planModel.plan, failure, key]);
  // The same problems keep the same array, so the memoized sections are not drawn again on every keystroke.
  const problemsKey = JSON.stringify(merged);
  const problems = useMemo(() => JSON.parse(problemsKey) as RunProblem[], [problemsKey]);

  const nameOf = useCallback<NameOf>(
    (ref) => containers?.find((container) => container.id === ref || container.id.startsWith(ref) || container.name === ref)?.name,
    [containers],
  );
  const imageTags = useMemo(() => [...new Set((images ?? []).flatMap((image) => image.tags))].sort(), [images]);
  const userNetworks = useMemo(() => (networksQuery.data ?? []).map((network) => network.name), [networksQuery.data]);
  const containerNames = useMemo(() => (containers ?? []).map((container) => container.name).sort(), [containers]);

  const update = useCallback((patch: Partial<RunForm>): void => setForm((current) => ({ ...current, ...patch })), []);
  const onEnv = useCallback((env: RunForm['env']) => update({ env }), [update]);
  const onPorts = useCallback((ports: RunForm['ports']) => update({ ports }), [update]);
  const onMounts = useCallback((mounts: RunForm['mounts']) => update({ mounts }), [update]);
  const namespaces = useMemo(() => ({ network: form.network, pid: form.pid, ipc: form.ipc, uts: form.uts }), [form.network, form.pid, form.ipc, form.uts]);
  const others = problems.filter((problem) => !SHOWN_FIELDS.some((field) => belongsTo(problem, field)));
  const blocking = blockingCount(problems);
  const canRun = parsed.spec !== null && blocking === 0 && !running;
  const failed = failure !== undefined && failure.key === key ? failure : undefined;

  const submit = async (spec: RunSpec, specKey: string): Promise<void> => {
    setRunning(true);
    setFailure(undefined);
    try {
      const result = await invoke('containers:run', { spec });
      onClose();
      navigate('container', result.id);
    } catch (caught) {
      const error = toIpcError(caught);
      setFailure({ key: specKey, error, problems: problemsOfDetails(error.details) });
      setRunning(false);
    }
  };

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      aria-labelledby="run-container-dialog-title"
      fullWidth
      maxWidth="lg"
      fullScreen={fullScreen}
      slotProps={{ paper: { sx: { height: { md: 'calc(100% - 64px)' } } } }}
    >
      <DialogTitle id="run-container-dialog-title">Run a container</DialogTitle>
      {running && <LinearProgress aria-label={form.start ? 'Creating and starting the container' : 'Creating the container'} />}
      <DialogContent
        dividers
        sx={{
          display: { md: 'grid' },
          gridTemplateColumns: { md: 'minmax(0, 1fr) minmax(0, 1.25fr)' },
          gap: 3,
          overflowY: { xs: 'auto', md: 'hidden' },
          p: { xs: 2, md: 0 },
        }}
      >
        <Stack spacing={3} sx={{ minWidth: 0, overflowY: { md: 'auto' }, p: { md: 3 }, pr: { md: 2 } }}>
          <Section title="Image and command">
            <ImageFields
              image={form.image}
              name={form.name}
              command={form.command}
              imageTags={imageTags}
              problems={problems}
              disabled={running}
              focusImage={initialImage === undefined}
              onChange={update}
            />
          </Section>
          <Section title="Environment">
            <EnvRows rows={form.env} disabled={running} problems={problems} onChange={onEnv} />
          </Section>
          <Section title="Published ports">
            <PortRows rows={form.ports} disabled={running} problems={problems} onChange={onPorts} />
          </Section>
          <Section title="Volumes and bind mounts">
            <MountRows rows={form.mounts} disabled={running} problems={problems} onChange={onMounts} />
          </Section>
          <Section title="Restart policy">
            <RestartFields restart={form.restart} maxRetries={form.maxRetries} problems={problems} disabled={running} onChange={update} />
          </Section>
          <Section title="Resources">
            <ResourcesFields
              memory={form.memory}
              memorySwap={form.memorySwap}
              cpus={form.cpus}
              pidsLimit={form.pidsLimit}
              problems={problems}
              disabled={running}
              onChange={update}
            />
          </Section>
          <Section title="Isolation">
            <IsolationFields
              namespaces={namespaces}
              networks={userNetworks}
              containers={containerNames}
              networkProblem={problemOn(problems, 'namespaces.network')}
              disabled={running}
              onChange={update}
            />
          </Section>
          <Stack>
            <FormControlLabel
              control={<Checkbox checked={form.tty} onChange={(event) => update({ tty: event.target.checked })} disabled={running} />}
              label="Allocate a terminal (-t)"
            />
            <FormControlLabel
              control={<Checkbox checked={!form.start} onChange={(event) => update({ start: !event.target.checked })} disabled={running} />}
              label="Create only (don’t start)"
            />
          </Stack>
        </Stack>
        <Box sx={{ minWidth: 0, overflowY: { md: 'auto' }, p: { md: 3 }, pl: { md: 2 }, mt: { xs: 3, md: 0 }, bgcolor: { md: 'action.hover' } }}>
          <IsolationPreview plan={planModel.plan} stale={planModel.stale} error={planModel.error} plannable={parsed.spec !== null} nameOf={nameOf} />
        </Box>
      </DialogContent>
      {(others.length > 0 || failed !== undefined) && (
        <Box sx={{ px: 3, pt: 1.5 }}>
          {failed !== undefined && (
            <Alert severity="error" variant="outlined">
              {failed.problems.length > 0 ? 'Nothing was created: see the fields in red.' : `Nothing was created: ${describeIpcError(failed.error)}`}
            </Alert>
          )}
          {others.map((problem) => (
            <Alert key={`${problem.field}:${problem.message}`} severity={problem.blocking ? 'error' : 'warning'} variant="outlined" sx={{ mt: 1 }}>
              {problem.message}
            </Alert>
          ))}
        </Box>
      )}
      <DialogActions sx={{ px: 3, py: 1.5, gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" color={blocking > 0 ? 'error' : 'text.secondary'} sx={{ mr: 'auto', flexBasis: { xs: '100%', sm: 'auto' } }} aria-live="polite">
          {blocking > 0 ? `${blocking === 1 ? 'One problem stops' : `${blocking} problems stop`} the run: see the fields in red.` : ''}
        </Typography>
        <Button onClick={onClose} disabled={running}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={!canRun}
          onClick={() => {
            if (parsed.spec !== null && key !== null) void submit(parsed.spec, key);
          }}
          startIcon={running ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          {form.start ? 'Run' : 'Create'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
