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

const NOUN_TEXT: Record<Operation['kind'], string> = {
  install: 'install',
  import: 'import',
  export: 'export',
  unregister: 'unregister',
  compact: 'compact',
  'set-version': 'conversion',
  setup: 'setup',
};

/** The title of an operation for lists and progress bars: "Installing Ubuntu", "Installing Ubuntu failed", "Compacted Debian", "Export of Debian cancelled". */
export function operationTitle(operation: Pick<Operation, 'kind' | 'target' | 'state'>): string {
  if (operation.state === 'running') return `${KIND_TEXT[operation.kind]} ${operation.target}`;
  if (operation.state === 'succeeded') return `${DONE_TEXT[operation.kind]} ${operation.target}`;
  if (operation.state === 'cancelled') {
    const noun = NOUN_TEXT[operation.kind];
    return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} of ${operation.target} cancelled`;
  }
  return `${KIND_TEXT[operation.kind]} ${operation.target} failed`;
}

/** The accessible name of an operation's Cancel button: "Cancel export of Debian", "Cancelling export of Debian" once asked. */
export function cancelLabel(operation: Pick<Operation, 'kind' | 'target'>, cancelling = false): string {
  return `${cancelling ? 'Cancelling' : 'Cancel'} ${NOUN_TEXT[operation.kind]} of ${operation.target}`;
}

/** True for operations `operations:cancel` can stop (the WSL ones; setup has its own cancel). */
export function isCancellable(operation: Pick<Operation, 'kind' | 'state'>): boolean {
  return operation.state === 'running' && operation.kind !== 'setup';
}

/** The progress as a whole percentage ("40%"), or null when it is indeterminate. */
export function operationPercent(operation: Pick<Operation, 'progress'>): number | null {
  return operation.progress === null ? null : Math.round(operation.progress * 100);
}
