import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { describeIpcError, type IpcError } from '../../ipc/ipc-error';
import { openExecSession } from './exec-session';
import { RetryAlert } from '../../components/RetryAlert';

/** Props of the terminal tab: which container, its name for labels, and whether it runs. */
export interface TerminalTabProps {
  id: string;
  name: string;
  running: boolean;
}

type SessionState = { kind: 'opening' } | { kind: 'open' } | { kind: 'exited'; exitCode: number | null } | { kind: 'failed'; error: IpcError };

const TERMINAL_FONT = 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';

function StatusLine({ state, name, onRestart }: { state: SessionState; name: string; onRestart: () => void }): React.JSX.Element {
  if (state.kind === 'opening') return <LinearProgress aria-label={`Opening a shell in ${name}…`} />;
  if (state.kind === 'failed') {
    return (
      <RetryAlert onRetry={onRestart}>
        Could not open a shell: {describeIpcError(state.error)}
      </RetryAlert>
    );
  }
  if (state.kind === 'exited') {
    return (
      <Alert
        severity="info"
        action={
          <Button color="inherit" size="small" onClick={onRestart}>
            Open a new shell
          </Button>
        }
      >
        The shell exited{state.exitCode === null ? '' : ` with code ${state.exitCode}`}.
      </Alert>
    );
  }
  return (
    <Typography variant="body2" color="text.secondary" role="status">
      Connected: a shell inside {name}. What you type runs in the container.
    </Typography>
  );
}

/**
 * The terminal tab: an xterm.js terminal (region "Terminal of <name>") on an interactive exec. It opens the exec at
 * the fitted size, writes `exec:printed`, sends keystrokes with `exec:input` and sizes with `exec:resize` whenever the
 * fit changes, says when the shell exits, and closes the exec on unmount. Nothing opens while the container is stopped.
 */
export function TerminalTab({ id, name, running }: TerminalTabProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<SessionState>({ kind: 'opening' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const element = host.current;
    if (!running || element === null) return undefined;
    setState({ kind: 'opening' });
    const terminal = new Terminal({
      cursorBlink: true,
      fontFamily: TERMINAL_FONT,
      fontSize: 13,
      scrollback: 2000,
      theme: { background: '#1e1e1e', foreground: '#e0e0e0' },
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    const refit = (): void => {
      if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
    };
    refit();
    const session = openExecSession(id, { cols: terminal.cols, rows: terminal.rows }, {
      onOpen: () => {
        setState({ kind: 'open' });
        terminal.focus();
      },
      onOutput: (data) => terminal.write(data),
      onExit: (exitCode) => {
        terminal.options.disableStdin = true;
        setState({ kind: 'exited', exitCode });
      },
      onError: (error) => setState({ kind: 'failed', error }),
    });
    const typing = terminal.onData((data) => session.input(data));
    const sizing = terminal.onResize(({ cols, rows }) => session.resize(cols, rows));
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(refit);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      typing.dispose();
      sizing.dispose();
      session.close();
      terminal.dispose();
    };
  }, [id, running, generation]);

  if (!running) return <Alert severity="info">{name} is not running. Start it to open a shell inside it.</Alert>;
  return (
    <Stack spacing={1.5}>
      <StatusLine state={state} name={name} onRestart={() => setGeneration((value) => value + 1)} />
      <Box
        role="region"
        aria-label={`Terminal of ${name}`}
        sx={{ height: '60vh', minHeight: 240, bgcolor: '#1e1e1e', borderRadius: 1, p: 1, overflow: 'hidden' }}
      >
        <Box ref={host} sx={{ width: '100%', height: '100%' }} />
      </Box>
    </Stack>
  );
}
