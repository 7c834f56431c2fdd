import { memo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RunPlan } from '../../../../shared/model/run-container';
import { describeIpcError, type IpcError } from '../../ipc/ipc-error';
import { CgroupPanel } from '../container-detail/CgroupPanel';
import { CopyButton } from '../container-detail/CopyButton';
import { NamespacesPanel, type NameOf } from '../container-detail/NamespacesPanel';

/** Props of the preview: the newest plan, whether it lags the form, why none came, and whether the form can be planned at all. */
export interface IsolationPreviewProps {
  plan: RunPlan | undefined;
  stale: boolean;
  error: IpcError | undefined;
  /** False while the form has no image or a field in error: the host is not asked. */
  plannable: boolean;
  nameOf: NameOf;
}

function Heading({ children }: { children: string }): React.JSX.Element {
  return (
    <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
      {children}
    </Typography>
  );
}

function Waiting({ plannable }: { plannable: boolean }): React.JSX.Element {
  if (!plannable) {
    return (
      <Typography variant="body2" color="text.secondary">
        Choose an image (and fix any field marked in red) to see what the container will get.
      </Typography>
    );
  }
  return (
    <Box role="status" aria-label="Loading the preview">
      <Skeleton variant="rounded" height={220} sx={{ mb: 2 }} />
      <Skeleton variant="rounded" height={120} />
    </Box>
  );
}

function statusText(plannable: boolean, stale: boolean): string {
  if (!plannable) return 'Showing the last valid form: fix the marked fields to update it.';
  return stale ? 'Updating…' : 'Up to date with the form.';
}

/**
 * What the container will get before it exists, read exactly like its detail page: the Namespaces table and the
 * cgroup panel fed the host's plan (no use figures yet), and the equivalent `docker run` line with a Copy button.
 */
function Preview({ plan, stale, error, plannable, nameOf }: IsolationPreviewProps): React.JSX.Element {
  return (
    <Stack component="section" aria-label="Isolation preview" spacing={1.5} sx={{ minWidth: 0 }}>
      <Box>
        <Typography variant="h6" component="h3">
          Isolation preview
        </Typography>
        <Typography variant="body2" color="text.secondary">
          What the container will get, as its detail page will show it.
        </Typography>
      </Box>
      {error !== undefined && (
        <Alert severity="error" variant="outlined">
          The preview could not be made: {describeIpcError(error)}
        </Alert>
      )}
      {plan === undefined ? (
        error === undefined && <Waiting plannable={plannable} />
      ) : (
        <Stack spacing={1.5} sx={{ opacity: stale || !plannable || error !== undefined ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={stale && plannable}>
          <Typography variant="caption" color="text.secondary" aria-live="polite">
            {statusText(plannable, stale)}
          </Typography>
          <Heading>Namespaces</Heading>
          <NamespacesPanel namespaces={plan.namespaces} nameOf={nameOf} />
          <Heading>Resources (cgroup)</Heading>
          <CgroupPanel cgroup={plan.cgroup} latest={undefined} />
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
            <Heading>The same with docker</Heading>
            <CopyButton label="Copy the docker run command" text={() => plan.command} />
          </Box>
          <Box
            component="pre"
            aria-label="docker run command"
            sx={{
              m: 0,
              p: 1.5,
              borderRadius: 1,
              bgcolor: 'action.hover',
              border: 1,
              borderColor: 'divider',
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: '0.8125rem',
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
          >
            {plan.command}
          </Box>
        </Stack>
      )}
    </Stack>
  );
}

/** The preview, drawn again only when the plan or its state changes (not on every keystroke in the form). */
export const IsolationPreview = memo(Preview);
