import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import HelpOutlineOutlined from '@mui/icons-material/HelpOutlineOutlined';
import { contextStatusWords } from './context-status-words';
import type { ContextProbeState } from './useContextProbes';

const CHIP_COLOR = { probing: 'default', connected: 'success', unreachable: 'error', unknown: 'warning' } as const;

/** The chip's icon carries the colour; its words stay in the text colour, readable on any row in either theme. */
const ICONS = {
  probing: undefined,
  connected: <CheckCircleOutlineOutlined />,
  unreachable: <ErrorOutlineOutlined />,
  unknown: <HelpOutlineOutlined />,
} as const;

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
      <Chip size="small" variant="outlined" color={CHIP_COLOR[words.tone]} icon={ICONS[words.tone]} label={words.label} sx={{ color: 'text.primary' }} />
      {words.sentence !== null && (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {words.sentence}
        </Typography>
      )}
    </Stack>
  );
}
