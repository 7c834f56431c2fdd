import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { BUTTON_CLASS } from './plain-controls-style';

/** Props of a plain button: a native button's, its look, and an optional leading icon. */
export interface PlainButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant: 'contained' | 'outlined';
  /** The error colour instead of the primary one, for a button that removes. */
  destructive?: boolean;
  startIcon?: ReactNode;
}

/**
 * A native button in the look of MUI's medium Button (styled by the shell's `PlainControlsStyles`), for a page's
 * first paint; `type` defaults to "button".
 */
export function PlainButton({ variant, destructive = false, startIcon, className, children, type = 'button', ...rest }: PlainButtonProps): React.JSX.Element {
  const classes = [BUTTON_CLASS, variant, destructive ? 'error' : null, className].filter((name) => name !== null && name !== undefined).join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {startIcon !== undefined && <span className="start-icon">{startIcon}</span>}
      {children}
    </button>
  );
}
