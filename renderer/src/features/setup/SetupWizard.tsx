import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Step, { type StepProps } from '@mui/material/Step';
import StepContent from '@mui/material/StepContent';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import HelpOutlineOutlined from '@mui/icons-material/HelpOutlineOutlined';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { SetupCheck, SetupReport, SetupStatus } from '../../../../shared/model/setup-check';
import { describeIpcError } from '../../ipc/ipc-error';
import { SetupFixPanel } from './SetupFixPanel';
import type { SetupState } from './useSetup';

const WORDS: Record<SetupStatus, string> = { ok: 'Passed', warn: 'Needs attention', fail: 'Failed', unknown: 'Not checked yet' };

/** A check's status as an icon with its colour; the word is always written next to it. */
function StatusIcon({ status }: { status: SetupStatus }): React.JSX.Element {
  if (status === 'ok') return <CheckCircleOutlined color="success" aria-hidden />;
  if (status === 'warn') return <WarningAmberOutlined color="warning" aria-hidden />;
  if (status === 'fail') return <ErrorOutlined color="error" aria-hidden />;
  return <HelpOutlineOutlined color="disabled" aria-hidden />;
}

/** The sentence at the top: ready, a restart pending, resumed after one, or what regressed. */
function Summary({ report }: { report: SetupReport }): React.JSX.Element {
  const failing = report.checks.filter((c) => c.status === 'fail').length;
  const titleOf = (id: string): string => report.checks.find((c) => c.id === id)?.title ?? id;
  return (
    <Stack spacing={1}>
      {report.resume?.rebooted && (
        <Alert severity="info">Welcome back: Windows restarted. The wizard carries on from “{titleOf(report.resume.checkId)}”.</Alert>
      )}
      {report.rebootPending && <Alert severity="warning">Windows needs a restart to finish a change; the checks after it are read again once it has restarted.</Alert>}
      {report.regressed.length > 0 && <Alert severity="warning">These checks passed before and fail now: {report.regressed.map(titleOf).join(', ')}.</Alert>}
      {report.checks.every((c) => c.status === 'ok') ? (
        <Alert severity="success">Everything is ready: WSL 2, a distro and a Docker engine that answers.</Alert>
      ) : (
        failing > 0 && <Alert severity="error">{failing === 1 ? '1 check fails' : `${failing} checks fail`}; each offers its fix below, in order.</Alert>
      )}
    </Stack>
  );
}

/** One check as a step: icon and status word, title, what was found, its docs, and its fix while it is not ok. */
function CheckStep({ check, setup, report, ...stepProps }: { check: SetupCheck; setup: SetupState; report: SetupReport } & StepProps): React.JSX.Element {
  const busy = setup.running !== null || setup.restarting;
  return (
    <Step {...stepProps} completed={check.status === 'ok'} expanded>
      <StepLabel
        icon={<StatusIcon status={check.status} />}
        error={check.status === 'fail'}
        optional={
          <Typography variant="caption" color="text.secondary">
            {WORDS[check.status]}
          </Typography>
        }
      >
        <Box component="span" sx={{ fontWeight: 500 }}>
          {check.title}
        </Box>
      </StepLabel>
      <StepContent>
        <Typography variant="body2">{check.detail}</Typography>
        {check.docsUrl && (
          <Link href={check.docsUrl} target="_blank" rel="noopener noreferrer" variant="body2">
            Read more about “{check.title}”
          </Link>
        )}
        {check.status !== 'ok' && check.fix && (
          <SetupFixPanel
            check={check}
            fix={check.fix}
            running={setup.running === check.fix.id}
            busy={busy}
            canReboot={report.canReboot}
            onFix={(request) => void setup.fix(request)}
            onCancel={() => check.fix && void setup.cancel(check.fix.id)}
            onRestart={(enable) => void setup.restart(enable)}
          />
        )}
      </StepContent>
    </Step>
  );
}

/**
 * The setup wizard: the checks in order as a vertical stepper, each with a status icon and word, its finding and
 * docs link, and for a check that is not ok its fix (progress and Cancel where long, the reason where it cannot run).
 */
export function SetupWizard({ setup }: { setup: SetupState }): React.JSX.Element {
  const { report } = setup;
  if (report === undefined) return <></>;
  const active = report.checks.findIndex((c) => c.status !== 'ok');
  return (
    <Stack spacing={2}>
      <Summary report={report} />
      {setup.actionError && <Alert severity="error">{describeIpcError(setup.actionError)}</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stepper orientation="vertical" nonLinear activeStep={active === -1 ? report.checks.length : active} aria-label="Setup checks">
          {report.checks.map((check) => (
            <CheckStep key={check.id} check={check} setup={setup} report={report} />
          ))}
        </Stepper>
      </Paper>
      <Box>
        <Button startIcon={<RefreshOutlined />} onClick={setup.recheck} disabled={setup.running !== null || setup.restarting}>
          Check again
        </Button>
      </Box>
    </Stack>
  );
}
