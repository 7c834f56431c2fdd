import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Operation } from '../../../../shared/model/operation';
import type { IpcError } from '../../ipc/ipc-error';
import { ActionErrorAlert } from '../../components/ActionErrorAlert';
import { OperationProgress } from '../operations/OperationProgress';
import { useOperationFor } from '../operations/useOperations';

/** Props of a dialog that runs one long operation: its title, body, confirm button and the operation to follow. */
export interface ActionDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error';
  /** False while the input is incomplete or invalid: the confirm button stays disabled. */
  canConfirm: boolean;
  running: boolean;
  error: IpcError | undefined;
  /** The operation whose `operations:progressed` pushes show while `running`. */
  operation: { kind: Operation['kind']; target: string };
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A form dialog for one long action: the body, the host's error (sentence and code) when it failed or its sentence
 * when it was cancelled, live progress with the operation's Cancel while it runs, and Cancel/confirm buttons; it cannot be dismissed and its confirm button is disabled while it runs.
 */
export function ActionDialog(props: ActionDialogProps): React.JSX.Element {
  const titleId = useId();
  const operation = useOperationFor(props.operation.kind, props.operation.target);
  return (
    <Dialog open={props.open} onClose={props.running ? undefined : props.onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (props.canConfirm && !props.running) props.onConfirm();
        }}
      >
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 0.5 }}>
          {props.children}
          {props.error !== undefined && !props.running && (
            <ActionErrorAlert error={props.error} />
          )}
          {props.running && operation?.state === 'running' && <OperationProgress operation={operation} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={props.running}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color={props.confirmColor ?? 'primary'} disabled={!props.canConfirm || props.running}>
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
