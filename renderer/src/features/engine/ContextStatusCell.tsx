import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { contextStatusWords } from './context-status-words';
import type { ContextProbeState } from './useContextProbes';

const CHIP_COLOR = { probing: 'default', connected: 'success', unreachable: 'error', unknown: 'warning' } as const;

/**
 * One context's live status in the Settings table: a small spinner named "Checking <name>…" while probing, then a
 * chip ("Connected · Docker 27.5.1", "Unreachable", "Status unknown") with the sentence saying why written under it.
 */
export function ContextStatusCell({ name, state }: { name: string; state: ContextProbeState | undefined }): React.JSX.Element {
  const words = contextStatusWords(state);
  if (words.tone === 'probing') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <CircularProgress size={14} aria-label={`Checking ${name}…`} />
        <Typography variant="body2" color="text.secondary">
          {words.label}
        </Typography>
      </Stack>
    );
  }
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Chip size="small" variant="outlined" color={CHIP_COLOR[words.tone]} label={words.label} />
      {words.sentence !== null && (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {words.sentence}
        </Typography>
      )}
    </Stack>
  );
}
