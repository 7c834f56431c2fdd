import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { FakeLightdock } from './fake-lightdock';

/** Installs a fake host as `window.lightdock` and renders the element against it. */
export function renderWithHost(element: ReactElement, host = new FakeLightdock()): RenderResult & { host: FakeLightdock } {
  window.lightdock = host;
  return { ...render(element), host };
}
