import type { Operation } from '../../../../shared/model/operation';

const KIND_TEXT: Record<Operation['kind'], string> = {
  install: 'Installing',
  import: 'Importing',
  export: 'Exporting',
  unregister: 'Unregistering',
  compact: 'Compacting',
  'set-version': 'Converting',
  setup: 'Setting up',
};

const DONE_TEXT: Record<Operation['kind'], string> = {
  install: 'Installed',
  import: 'Imported',
  export: 'Exported',
  unregister: 'Unregistered',
  compact: 'Compacted',
  'set-version': 'Converted',
  setup: 'Set up',
};

/** The title of an operation for lists and progress bars: "Installing Ubuntu", "Export of Debian failed", "Compacted Debian". */
export function operationTitle(operation: Pick<Operation, 'kind' | 'target' | 'state'>): string {
  if (operation.state === 'running') return `${KIND_TEXT[operation.kind]} ${operation.target}`;
  if (operation.state === 'succeeded') return `${DONE_TEXT[operation.kind]} ${operation.target}`;
  return `${KIND_TEXT[operation.kind]} ${operation.target} failed`;
}

/** The progress as a whole percentage ("40%"), or null when it is indeterminate. */
export function operationPercent(operation: Pick<Operation, 'progress'>): number | null {
  return operation.progress === null ? null : Math.round(operation.progress * 100);
}
