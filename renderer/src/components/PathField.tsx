import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { invoke } from '../ipc/ipc-client';
import { useHostInfo } from '../features/host/useHostInfo';

/** Props of a path field: its label, value and change, what a picker would choose, and an error to show under it. */
export interface PathFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  purpose: 'folder' | 'open-file' | 'save-file';
  placeholder?: string;
  error?: string;
  helperText?: string;
  disabled?: boolean;
}

/**
 * A path on this machine: a text field everywhere, plus a "Browse…" button (named "Browse for <label>") that opens
 * the native picker where the host has one (the desktop app). A dismissed picker changes nothing.
 */
export function PathField({ label, value, onChange, purpose, placeholder, error, helperText, disabled }: PathFieldProps): React.JSX.Element {
  const info = useHostInfo();
  const [picking, setPicking] = useState(false);
  const browse = (): void => {
    setPicking(true);
    invoke('dialog:pick-path', { purpose, title: label, ...(value === '' ? {} : { defaultPath: value }) })
      .then(({ path }) => {
        if (path !== null) onChange(path);
      })
      .catch(() => undefined)
      .finally(() => setPicking(false));
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <TextField
        label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        error={error !== undefined}
        helperText={error ?? helperText}
        disabled={disabled}
        fullWidth
        size="small"
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      {info?.canPickPaths === true && (
        <Button variant="outlined" onClick={browse} disabled={disabled === true || picking} aria-label={`Browse for ${label}`} sx={{ flexShrink: 0 }}>
          Browse…
        </Button>
      )}
    </Box>
  );
}
