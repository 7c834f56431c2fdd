import { createContext, useContext } from 'react';
import type { ComposeAction, ComposeCli, ComposeProject } from '../../../../shared/model/compose';

/** What a project row of the containers table learns of Compose: the project, the CLI, and how to act. */
export interface ComposeRowState {
  projects: ReadonlyMap<string, ComposeProject>;
  cli: ComposeCli | undefined;
  onAction: (project: string, action: ComposeAction) => void;
}

/** The Compose state project rows read; null where no page provides it (the row then shows no project actions). */
export const ComposeRowContext = createContext<ComposeRowState | null>(null);

/** The Compose state for project rows, or null outside a provider. */
export function useComposeRow(): ComposeRowState | null {
  return useContext(ComposeRowContext);
}
