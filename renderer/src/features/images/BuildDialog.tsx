import { useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { JobSummary } from '../../../../shared/model/job';
import { PathField } from '../../components/PathField';
import { invoke } from '../../ipc/ipc-client';
import { JOB_DIALOG_TITLES, JobDialogBody } from '../jobs/JobDialog';
import { BUILD_ARGS_MAX, buildFormProblems, buildRequestOf, type BuildArgRow, type BuildForm } from './build-form';
import { ImageJobEnd } from './ImageJobEnd';
import { useStartJob } from '../jobs/useStartJob';
import { StartJobActions } from '../jobs/StartJobActions';

/** Props of the build dialog: what to do with the started job, and close. */
export interface BuildDialogProps {
  onStarted?: (job: JobSummary) => void;
  onClose: () => void;
}

/**
 * "Build an image": a context folder (typed, or picked in the desktop app), its Dockerfile, a tag, build arguments and
 * the no-cache and pull switches, each checked by the contract's own schema before anything is sent; then the live
 * build log with Cancel, and a link to the built image at the end.
 */
export function BuildDialog({ onStarted, onClose }: BuildDialogProps): React.JSX.Element {
  const [form, setForm] = useState<BuildForm>({ contextPath: '', dockerfile: 'Dockerfile', tag: '', buildArgs: [], noCache: false, pull: false });
  const [checked, setChecked] = useState(false);
  const { job, starting, startError, setStartError, start: startJob } = useStartJob(onStarted);
  const nextKey = useRef(0);
  const problems = checked ? buildFormProblems(form) : {};
  const change = (patch: Partial<BuildForm>): void => {
    setForm((current) => ({ ...current, ...patch }));
    setStartError(undefined);
  };
  const changeArg = (key: number, patch: Partial<BuildArgRow>): void =>
    change({ buildArgs: form.buildArgs.map((row) => (row.key === key ? { ...row, ...patch } : row)) });

  const start = (): void => {
    setChecked(true);
    const request = buildRequestOf(form);
    if (request === undefined) return;
    startJob(() => invoke('images:build', request), (message) => `Could not start the build: ${message}`);
  };

  return (
    <Dialog open onClose={starting ? undefined : onClose} aria-labelledby="build-dialog-title" maxWidth="md" fullWidth>
      <DialogTitle id="build-dialog-title">{JOB_DIALOG_TITLES.build}</DialogTitle>
      {job === undefined ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <DialogContent>
            <Stack spacing={2}>
              <DialogContentText>
                The folder is sent to the engine as the build context (files its .dockerignore names are left out); the engine runs the
                Dockerfile in it.
              </DialogContentText>
              <PathField
                label="Context folder"
                purpose="folder"
                value={form.contextPath}
                onChange={(contextPath) => change({ contextPath })}
                placeholder="/home/me/projects/app"
                error={problems.contextPath ?? startError}
                helperText="The full path of the folder that holds the Dockerfile."
                disabled={starting}
              />
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
                <TextField
                  label="Dockerfile"
                  value={form.dockerfile}
                  onChange={(event) => change({ dockerfile: event.target.value })}
                  error={problems.dockerfile !== undefined}
                  helperText={problems.dockerfile ?? 'Relative to the context folder.'}
                  size="small"
                  disabled={starting}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                />
                <TextField
                  label="Tag"
                  value={form.tag}
                  onChange={(event) => change({ tag: event.target.value })}
                  error={problems.tag !== undefined}
                  helperText={problems.tag ?? 'Optional: name[:tag] for the built image.'}
                  placeholder="team/app:dev"
                  size="small"
                  disabled={starting}
                  slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
                />
              </Box>
              <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
                  Build arguments
                </Typography>
                <Stack spacing={1.5}>
                  {form.buildArgs.map((row, index) => (
                    <Box key={row.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                      <TextField
                        label={`Argument ${index + 1} name`}
                        value={row.name}
                        onChange={(event) => changeArg(row.key, { name: event.target.value })}
                        error={problems.buildArgs?.[index] !== undefined}
                        helperText={problems.buildArgs?.[index]}
                        size="small"
                        sx={{ flex: 1 }}
                        disabled={starting}
                        slotProps={{ htmlInput: { spellCheck: false } }}
                      />
                      <TextField
                        label={`Argument ${index + 1} value`}
                        value={row.value}
                        onChange={(event) => changeArg(row.key, { value: event.target.value })}
                        size="small"
                        sx={{ flex: 1.5 }}
                        disabled={starting}
                        slotProps={{ htmlInput: { spellCheck: false } }}
                      />
                      <Tooltip title="Remove this argument">
                        <span>
                          <IconButton
                            aria-label={`Remove argument ${index + 1}`}
                            onClick={() => change({ buildArgs: form.buildArgs.filter((other) => other.key !== row.key) })}
                            disabled={starting}
                          >
                            <DeleteOutlined />
                          </IconButton>
                        </span>
                      </Tooltip>
                    </Box>
                  ))}
                  <Button
                    startIcon={<AddOutlined />}
                    sx={{ alignSelf: 'flex-start' }}
                    disabled={starting || form.buildArgs.length >= BUILD_ARGS_MAX}
                    onClick={() => change({ buildArgs: [...form.buildArgs, { key: nextKey.current++, name: '', value: '' }] })}
                  >
                    Add a build argument
                  </Button>
                </Stack>
              </Box>
              <FormGroup row>
                <FormControlLabel
                  control={<Checkbox checked={form.noCache} onChange={(event) => change({ noCache: event.target.checked })} disabled={starting} />}
                  label="Do not use the build cache"
                />
                <FormControlLabel
                  control={<Checkbox checked={form.pull} onChange={(event) => change({ pull: event.target.checked })} disabled={starting} />}
                  label="Pull newer base images"
                />
              </FormGroup>
            </Stack>
          </DialogContent>
          <StartJobActions verb="Build" starting={starting} onCancel={onClose} />
        </form>
      ) : (
        <JobDialogBody
          job={job}
          showLog
          logLabel="Build log"
          onClose={onClose}
          renderEnd={(ended) => <ImageJobEnd job={ended} tag={form.tag.trim()} onOpen={onClose} />}
        />
      )}
    </Dialog>
  );
}
