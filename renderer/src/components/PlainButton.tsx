import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { BUTTON_CLASS } from './plain-controls-style';

/** Props of a plain button: a native button's, its look, and an optional leading icon. */
export interface PlainButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant: 'contained' | 'outlined';
  startIcon?: ReactNode;
}

/**
 * A native button in the look of MUI's medium Button (styled by the shell's `PlainControlsStyles`), for a page's
 * first paint; `type` defaults to "button".
 */
export function PlainButton({ variant, startIcon, className, children, type = 'button', ...rest }: PlainButtonProps): React.JSX.Element {
  return (
    <button type={type} className={`${BUTTON_CLASS} ${variant}${className === undefined ? '' : ` ${className}`}`} {...rest}>
      {startIcon !== undefined && <span className="start-icon">{startIcon}</span>}
      {children}
    </button>
  );
}
