import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Check from '@mui/icons-material/Check';
import { useState } from 'react';
import type { DockerContext } from '../../../../shared/model/engine';
import { describeIpcError } from '../../ipc/ipc-error';
import { navigate } from '../../navigation/route';
import { contextStatusWords, type ContextStatusWords } from './context-status-words';
import { useContextProbes, type ContextProbeState } from './useContextProbes';
import { useDockerContexts } from './useDockerContexts';

const DOT_COLOR: Record<ContextStatusWords['tone'], string> = {
  probing: 'text.disabled',
  connected: 'success.main',
  unreachable: 'error.main',
  unknown: 'warning.main',
};

/** A context's name, then a coloured dot and its state in words ("connected", "unreachable", "checking…"). */
function ContextLine({ name, words }: { name: string; words: ContextStatusWords }): React.JSX.Element {
  return (
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <span>{name}</span>
      <Box component="span" aria-hidden sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: DOT_COLOR[words.tone], flexShrink: 0 }} />
      <Box component="span" sx={{ color: 'text.secondary', typography: 'body2' }}>
        {words.state}
      </Box>
    </Box>
  );
}

function secondaryOf(context: DockerContext, state: ContextProbeState | undefined, words: ContextStatusWords): string {
  if (words.sentence !== null) return words.sentence;
  if (state?.kind === 'probed' && state.probe.serverVersion !== null) return `Docker ${state.probe.serverVersion} · ${context.endpoint}`;
  return context.endpoint;
}

/** The menu's Docker contexts with their live status; mounted only while the menu is open, so listed and probed then. */
function ContextItems({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { contexts, loadError, switching, switchError, use } = useDockerContexts();
  const { probes } = useContextProbes(contexts);
  const problem = switchError ?? loadError;
  return (
    <>
      {contexts === undefined && problem === undefined && <MenuItem disabled>Listing the contexts…</MenuItem>}
      {contexts?.map((context) => {
        const state = probes[context.name];
        const words = contextStatusWords(state);
        return (
          <MenuItem
            key={context.name}
            selected={context.current}
            disabled={switching !== undefined}
            sx={{ whiteSpace: 'normal', maxWidth: 420 }}
            onClick={() => {
              if (context.current) onDone();
              else void use(context.name).then((switched) => switched && onDone());
            }}
          >
            <ListItemIcon>{switching === context.name ? <CircularProgress size={16} aria-hidden /> : context.current ? <Check fontSize="small" /> : null}</ListItemIcon>
            <ListItemText
              primary={<ContextLine name={context.name} words={words} />}
              secondary={secondaryOf(context, state, words)}
              slotProps={{ secondary: { sx: { overflowWrap: 'anywhere' } } }}
            />
          </MenuItem>
        );
      })}
      {problem !== undefined && (
        <MenuItem disabled sx={{ whiteSpace: 'normal', maxWidth: 420 }}>
          {describeIpcError(problem)}
        </MenuItem>
      )}
      <Divider component="li" role="separator" />
      <MenuItem
        onClick={() => {
          onDone();
          navigate('settings');
        }}
      >
        Engine settings…
      </MenuItem>
    </>
  );
}

/** Props of the engine chip's menu: where it hangs (null: closed) and how it closes. */
export interface EngineContextMenuProps {
  anchor: HTMLElement | null;
  onClose: () => void;
}

/**
 * The engine chip's menu, named "Container engine" (inside the app bar's landmark, not in a portal): every Docker context with a coloured dot and its live state
 * (probed each time the menu opens, the sentence saying why under an unreachable one), a click switching to it as
 * `docker context use` does (the menu stays open with the reason when refused), and "Engine settings…".
 */
export function EngineContextMenu({ anchor, onClose }: EngineContextMenuProps): React.JSX.Element {
  const open = anchor !== null;
  // Each opening gets fresh items (listed and probed again), also when it reopens before the closing transition unmounted them.
  const [wasOpen, setWasOpen] = useState(open);
  const [openings, setOpenings] = useState(0);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpenings(openings + 1);
  }
  return (
    <Menu disablePortal anchorEl={anchor} open={open} onClose={onClose} slotProps={{ list: { 'aria-label': 'Container engine' } }}>
      <ContextItems key={openings} onDone={onClose} />
    </Menu>
  );
}
