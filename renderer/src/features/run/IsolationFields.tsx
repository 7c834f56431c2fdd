import { memo } from 'react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { RunNamespaces, RunProblem } from '../../../../shared/model/run-container';
import { problemHelper } from './run-form';

/** Props of the namespace choices: the current ones, the user networks and containers to offer, the network's problem. */
export interface IsolationFieldsProps {
  namespaces: RunNamespaces;
  /** Names of the engine's user networks (bridge, host and none are always offered). */
  networks: readonly string[];
  /** Names of the containers whose network it may join. */
  containers: readonly string[];
  networkProblem: RunProblem | undefined;
  disabled: boolean;
  onChange: (patch: Partial<RunNamespaces>) => void;
}

const CONTAINER_PREFIX = 'container:';
const BUILT_IN = ['bridge', 'host', 'none'];

function networkChoice(network: string): string {
  return network.startsWith(CONTAINER_PREFIX) ? CONTAINER_PREFIX : network;
}

/**
 * The namespace choices of `docker run`: `--network` (its own on the bridge or a user network, the host's, none, or
 * another container's), `--pid host`, `--ipc` and `--uts host`; each select named by its label.
 */
function Fields({ namespaces, networks, containers, networkProblem, disabled, onChange }: IsolationFieldsProps): React.JSX.Element {
  const choice = networkChoice(namespaces.network);
  const userNetworks = [...new Set([...networks, ...(choice === CONTAINER_PREFIX ? [] : [choice])])].filter((name) => !BUILT_IN.includes(name));
  const joined = choice === CONTAINER_PREFIX ? namespaces.network.slice(CONTAINER_PREFIX.length) : '';
  const joinable = [...new Set([...containers, ...(joined === '' ? [] : [joined])])];
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      <TextField
        select
        size="small"
        label="Network"
        value={choice}
        onChange={(event) => onChange({ network: event.target.value })}
        {...problemHelper(choice === CONTAINER_PREFIX ? undefined : networkProblem)}
        disabled={disabled}
      >
        <MenuItem value="bridge">Its own, on the default bridge</MenuItem>
        {userNetworks.map((name) => (
          <MenuItem key={name} value={name}>
            {`Its own, on ${name}`}
          </MenuItem>
        ))}
        <MenuItem value="host">The host’s network</MenuItem>
        <MenuItem value="none">None (loopback only)</MenuItem>
        <MenuItem value={CONTAINER_PREFIX}>Another container’s…</MenuItem>
      </TextField>
      {choice === CONTAINER_PREFIX && (
        <TextField
          select
          size="small"
          label="Join the network of"
          value={joined}
          onChange={(event) => onChange({ network: `${CONTAINER_PREFIX}${event.target.value}` })}
          {...problemHelper(networkProblem, joinable.length === 0 ? 'No container to join.' : undefined)}
          disabled={disabled}
        >
          {joinable.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        select
        size="small"
        label="Process IDs (PID)"
        value={namespaces.pid}
        onChange={(event) => onChange({ pid: event.target.value === 'host' ? 'host' : 'private' })}
        disabled={disabled}
      >
        <MenuItem value="private">Its own</MenuItem>
        <MenuItem value="host">The host’s (sees every process)</MenuItem>
      </TextField>
      <TextField
        select
        size="small"
        label="Shared memory (IPC)"
        value={namespaces.ipc}
        onChange={(event) => onChange({ ipc: event.target.value === 'host' ? 'host' : event.target.value === 'shareable' ? 'shareable' : 'private' })}
        disabled={disabled}
      >
        <MenuItem value="private">Its own</MenuItem>
        <MenuItem value="shareable">Its own, shareable with others</MenuItem>
        <MenuItem value="host">The host’s</MenuItem>
      </TextField>
      <TextField
        select
        size="small"
        label="Host name (UTS)"
        value={namespaces.uts}
        onChange={(event) => onChange({ uts: event.target.value === 'host' ? 'host' : 'private' })}
        disabled={disabled}
      >
        <MenuItem value="private">Its own</MenuItem>
        <MenuItem value="host">The host’s</MenuItem>
      </TextField>
    </Box>
  );
}

/** The namespace choices, drawn again only when their props change. */
export const IsolationFields = memo(Fields);
