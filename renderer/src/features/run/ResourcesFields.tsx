import { memo } from 'react';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import type { RunProblem } from '../../../../shared/model/run-container';
import { problemHelper, problemOn } from './run-form';

/** The four limits as typed, in docker's units. */
export interface ResourceTexts {
  memory: string;
  memorySwap: string;
  cpus: string;
  pidsLimit: string;
}

/** Props of the limits: their texts, the form's problems, and change. */
export interface ResourcesFieldsProps extends ResourceTexts {
  problems: readonly RunProblem[];
  disabled: boolean;
  onChange: (patch: Partial<ResourceTexts>) => void;
}

const FIELDS: readonly { key: keyof ResourceTexts; field: string; label: string; placeholder: string; hint: string }[] = [
  { key: 'memory', field: 'resources.memoryBytes', label: 'Memory limit', placeholder: 'e.g. 256m', hint: '--memory: b, k, m or g (empty: no limit).' },
  { key: 'memorySwap', field: 'resources.memorySwapBytes', label: 'Memory + swap', placeholder: 'e.g. 512m', hint: '--memory-swap: at least the memory; -1 for unlimited swap.' },
  { key: 'cpus', field: 'resources.nanoCpus', label: 'CPUs', placeholder: 'e.g. 0.5', hint: '--cpus: how many CPUs’ worth of time (empty: every CPU).' },
  { key: 'pidsLimit', field: 'resources.pidsLimit', label: 'Process limit', placeholder: 'e.g. 100', hint: '--pids-limit: most processes at once (-1: no limit).' },
];

function Fields({ problems, disabled, onChange, ...values }: ResourcesFieldsProps): React.JSX.Element {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      {FIELDS.map((field) => (
        <TextField
          key={field.key}
          size="small"
          label={field.label}
          placeholder={field.placeholder}
          value={values[field.key]}
          onChange={(event) => onChange({ [field.key]: event.target.value })}
          {...problemHelper(problemOn(problems, field.field), field.hint)}
          disabled={disabled}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      ))}
    </Box>
  );
}

/** The cgroup limits of `docker run` (--memory, --memory-swap, --cpus, --pids-limit) as text fields taking docker's units; drawn again only when their props change. */
export const ResourcesFields = memo(Fields);
