import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DockerContext } from '../../../../shared/model/engine';
import { ActionErrorAlert } from '../../components/ActionErrorAlert';
import { PathField } from '../../components/PathField';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { checkCreateContextForm, EMPTY_CREATE_CONTEXT_FORM, isTcpHost, type CreateContextField, type CreateContextForm } from './create-context-form';

/** Props of the create-context dialog: the names taken already, and what happens after. */
export interface CreateContextDialogProps {
  existingNames: readonly string[];
  /** Called with the new context once the service has written it. */
  onCreated: (context: DockerContext) => void;
  onClose: () => void;
}

const NO_SPELLING = { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } as const;

/**
 * "Create Docker context": a name, an ssh:// or tcp:// host, a description, and for tcp:// the TLS files (CA,
 * client certificate and key, with Browse… where the host has a picker) and "Skip TLS verification". Each field is
 * checked with the contract's schema as it is typed (its problem shows once it holds something, all of them after a
 * refused submit); `engine:create-context` writes the context as `docker context create` does. A refusal shows in
 * the dialog and every input stays as typed.
 */
export function CreateContextDialog({ existingNames, onCreated, onClose }: CreateContextDialogProps): React.JSX.Element {
  const [form, setForm] = useState<CreateContextForm>(EMPTY_CREATE_CONTEXT_FORM);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | undefined>(undefined);
  const { request, problems } = checkCreateContextForm(form, existingNames);
  const tcp = isTcpHost(form.host);

  const set = (field: keyof CreateContextForm) => (value: string | boolean) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFailure(undefined);
  };
  const shown = (field: CreateContextField): string | undefined => {
    const typed = form[field].trim() !== '';
    return tried || typed ? problems[field] : undefined;
  };

  const submit = (): void => {
    setTried(true);
    if (request === undefined) return;
    setBusy(true);
    setFailure(undefined);
    invoke('engine:create-context', request).then(
      (created) => {
        setBusy(false);
        onCreated(created);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(toIpcError(error));
      },
    );
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="create-context-title" maxWidth="sm" fullWidth>
      <DialogTitle id="create-context-title">Create Docker context</DialogTitle>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>
              A context names a Docker engine to reach: over SSH (your own ssh, with ~/.ssh/config, keys and known_hosts) or over
              TCP, with TLS. It is written where the docker CLI keeps its contexts, so <code>docker context ls</code> lists it too.
            </DialogContentText>
            {failure !== undefined && <ActionErrorAlert error={failure} onClose={() => setFailure(undefined)} />}
            <TextField
              label="Name"
              value={form.name}
              onChange={(event) => set('name')(event.target.value)}
              error={shown('name') !== undefined}
              helperText={shown('name') ?? 'Letters, digits, _ . + - (starting with a letter or digit).'}
              placeholder="build-box"
              autoFocus
              required
              size="small"
              disabled={busy}
              slotProps={{ htmlInput: { ...NO_SPELLING, maxLength: 128 } }}
            />
            <TextField
              label="Host"
              value={form.host}
              onChange={(event) => set('host')(event.target.value)}
              error={shown('host') !== undefined}
              helperText={shown('host') ?? 'ssh://[user@]host[:port] or tcp://host:port'}
              placeholder="ssh://dev@build-box"
              required
              size="small"
              disabled={busy}
              slotProps={{ htmlInput: { ...NO_SPELLING, maxLength: 2048 } }}
            />
            <TextField
              label="Description"
              value={form.description}
              onChange={(event) => set('description')(event.target.value)}
              error={shown('description') !== undefined}
              helperText={shown('description') ?? 'Optional.'}
              size="small"
              disabled={busy}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            {tcp && (
              <Stack spacing={1.5} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
                  TLS (optional)
                </Typography>
                <PathField label="CA certificate" purpose="open-file" value={form.ca} onChange={set('ca')} error={shown('ca')} helperText="ca.pem: the CA that signed the engine's certificate." disabled={busy} />
                <PathField label="Client certificate" purpose="open-file" value={form.cert} onChange={set('cert')} error={shown('cert')} helperText="cert.pem" disabled={busy} />
                <PathField label="Client key" purpose="open-file" value={form.key} onChange={set('key')} error={shown('key')} helperText="key.pem" disabled={busy} />
                <FormControlLabel
                  control={<Checkbox checked={form.skipVerify} onChange={(event) => set('skipVerify')(event.target.checked)} disabled={busy} />}
                  label="Skip TLS verification (trust any certificate the engine shows)"
                />
              </Stack>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}>
            Create
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
