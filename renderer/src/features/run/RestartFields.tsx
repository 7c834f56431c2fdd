import { memo } from 'react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { RestartPolicy, type RunProblem } from '../../../../shared/model/run-container';
import { problemHelper, problemOn, type RunForm } from './run-form';

/** Props of the restart policy: the policy, the retries as typed, their problems, and change. */
export interface RestartFieldsProps {
  restart: RestartPolicy;
  maxRetries: string;
  problems: readonly RunProblem[];
  disabled: boolean;
  onChange: (patch: Partial<RunForm>) => void;
}

const RESTART_LABELS: Record<RestartPolicy, string> = {
  no: 'Never (no)',
  always: 'Always',
  'unless-stopped': 'Unless stopped',
  'on-failure': 'On failure',
};

function Fields({ restart, maxRetries, problems, disabled, onChange }: RestartFieldsProps): React.JSX.Element {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      <TextField
        select
        size="small"
        label="Restart"
        value={restart}
        onChange={(event) => onChange({ restart: RestartPolicy.catch('no').parse(event.target.value) })}
        disabled={disabled}
        {...problemHelper(problemOn(problems, 'restart'))}
      >
        {RestartPolicy.options.map((policy) => (
          <MenuItem key={policy} value={policy}>
            {RESTART_LABELS[policy]}
          </MenuItem>
        ))}
      </TextField>
      {restart === 'on-failure' && (
        <TextField
          size="small"
          label="Maximum retries"
          placeholder="no limit"
          value={maxRetries}
          onChange={(event) => onChange({ maxRetries: event.target.value })}
          disabled={disabled}
          {...problemHelper(problemOn(problems, 'maxRetries'), 'Empty: retry for ever.')}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
      )}
    </Box>
  );
}

/** `--restart` (no, always, unless-stopped, on-failure) and, for on-failure, the most retries; drawn again only when their props change. */
export const RestartFields = memo(Fields);
