import { useContext, useState } from 'react';
import CircularProgress from '@mui/material/CircularProgress';
import MoreVert from '@mui/icons-material/MoreVert';
import PlayArrow from '@mui/icons-material/PlayArrow';
import Stop from '@mui/icons-material/Stop';
import type { ContainerAction, ContainerStats, ContainerRow } from '../../../../shared/model/container';
import { formatBytes } from '../../components/format-bytes';
import { lazyPart } from '../../components/lazy-part';
import { ACTION_WORDS, actionApplies } from './container-actions';
import { LiveCells } from './live-cells';

// A row's menu is not on screen until asked for: its code (and MUI's menu) loads then, not with the page; it starts
// loading as soon as the pointer or focus reaches a row's "More actions" button.
const ContainerActionsMenu = lazyPart(() => import('./ContainerActionsMenu').then((m) => m.ContainerActionsMenu));
const preloadMenu = (): Promise<void> => ContainerActionsMenu.preload().catch(() => undefined);

/** A container's latest CPU %, or a dash before its first sample (or while it is not watched). */
export function CpuCell({ id }: { id: string }): React.JSX.Element {
  const value = useContext(LiveCells).stats.get(id)?.cpuPercent;
  return <>{value === undefined ? '—' : `${value.toFixed(1)}%`}</>;
}

/** A container's latest memory use, or a dash. */
export function MemoryCell({ id }: { id: string }): React.JSX.Element {
  const value = useContext(LiveCells).stats.get(id)?.memoryUsedBytes;
  return <>{formatBytes(value ?? null)}</>;
}

function sampled(stats: ReadonlyMap<string, ContainerStats>, containers: readonly ContainerRow[]): ContainerStats[] {
  return containers.flatMap((container) => {
    const sample = stats.get(container.id);
    return sample === undefined ? [] : [sample];
  });
}

/** A Compose project's summed CPU % over its sampled containers, or a dash when none is sampled. */
export function ProjectCpuCell({ containers }: { containers: readonly ContainerRow[] }): React.JSX.Element {
  const samples = sampled(useContext(LiveCells).stats, containers);
  return <>{samples.length === 0 ? '—' : `${samples.reduce((sum, sample) => sum + sample.cpuPercent, 0).toFixed(1)}%`}</>;
}

/** A Compose project's summed memory use over its sampled containers, or a dash. */
export function ProjectMemoryCell({ containers }: { containers: readonly ContainerRow[] }): React.JSX.Element {
  const samples = sampled(useContext(LiveCells).stats, containers);
  return <>{formatBytes(samples.length === 0 ? null : samples.reduce((sum, sample) => sum + sample.memoryUsedBytes, 0))}</>;
}

function MoreActions({ row, onAction }: { row: ContainerRow; onAction: (action: ContainerAction) => void }): React.JSX.Element {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <button
        type="button"
        className="row-icon"
        aria-label={`More actions for ${row.name}`}
        aria-haspopup="menu"
        onPointerEnter={() => void preloadMenu()}
        onFocus={() => void preloadMenu()}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <MoreVert fontSize="small" />
      </button>
      {anchor !== null && <ContainerActionsMenu anchor={anchor} row={row} onClose={() => setAnchor(null)} onAction={onAction} />}
    </>
  );
}

/**
 * A row's Start or Stop button (whichever applies to its state), named "Stop web" or "Start web", and a menu named
 * "More actions for web" (restart, pause, unpause, kill, remove: whichever apply); both disabled while an action
 * runs on the container, with a spinner named after that action. Remove goes through the page's confirmation.
 */
export function ActionsCell({ row }: { row: ContainerRow }): React.JSX.Element {
  const { pending, onAction } = useContext(LiveCells);
  const running: ContainerAction | undefined = pending.get(row.id);
  const action: ContainerAction = actionApplies('stop', row.state) ? 'stop' : 'start';
  const words = ACTION_WORDS[action];
  return (
    <div className="row-actions">
      <button
        type="button"
        className="row-icon"
        aria-label={`${words.label} ${row.name}`}
        title={words.label}
        disabled={running !== undefined || !actionApplies(action, row.state)}
        onClick={() => onAction(row.id, action)}
      >
        {action === 'stop' ? <Stop fontSize="small" /> : <PlayArrow fontSize="small" />}
      </button>
      {running !== undefined ? (
        <CircularProgress size={18} aria-label={`${ACTION_WORDS[running].running} ${row.name}…`} />
      ) : (
        <MoreActions row={row} onAction={(chosen) => onAction(row.id, chosen)} />
      )}
    </div>
  );
}
