import type { ReactNode } from 'react';

/** What a row's icon button is told: its accessible name, the hint shown on hover, whether it is disabled, and its icon. */
export interface RowIconButtonProps {
  label: string;
  title: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * A table row's icon button: a plain button (class `row-icon`, styled by the table's one stylesheet, as MUI's small
 * IconButton looks) named `label`, with `title` as the browser's own hover hint, which shows on a disabled button
 * too. A row renders several, and MUI's IconButton and Tooltip per button cost more than the rest of the row.
 */
export function RowIconButton({ label, title, disabled = false, onClick, children }: RowIconButtonProps): React.JSX.Element {
  return (
    <button type="button" className="row-icon" aria-label={label} title={title} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
