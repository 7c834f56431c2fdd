import { createContext } from 'react';
import type { ContainerAction, ContainerStats } from '../../../../shared/model/container';

/** What a row's Start/Stop button calls. */
export type ContainerRowAction = (id: string, action: ContainerAction) => void;

/** What changes often (stats every second, pending actions) reaches the cells through context, so rows stay memoized. */
export interface LiveCellState {
  stats: ReadonlyMap<string, ContainerStats>;
  pending: ReadonlyMap<string, ContainerAction>;
  onAction: ContainerRowAction;
}

/** The live values of the containers table; the default has no stats, nothing pending and ignores actions. */
export const LiveCells = createContext<LiveCellState>({ stats: new Map(), pending: new Map(), onAction: () => undefined });
