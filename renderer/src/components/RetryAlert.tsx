import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';

/** Props of a failure notice: how bad it is, what to call on Retry, and the sentence saying what failed. */
export interface RetryAlertProps {
  severity?: 'error' | 'warning';
  onRetry: () => void;
  children: ReactNode;
}

/** A failed load says what failed, in one sentence, and offers a Retry button. */
export function RetryAlert({ severity = 'error', onRetry, children }: RetryAlertProps): React.JSX.Element {
  return (
    <Alert
      severity={severity}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      {children}
    </Alert>
  );
}
