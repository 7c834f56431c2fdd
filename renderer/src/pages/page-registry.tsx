import type { ReactNode } from 'react';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import { DistrosPage } from './DistrosPage';

/** A page of the app: its route id, its navigation entry (if any), and the component that takes the route parameter. */
export interface PageEntry {
  id: string;
  label: string;
  icon: ReactNode;
  /** False for pages reached from another page only (details). */
  inNav: boolean;
  component: (props: { param: string | null }) => React.JSX.Element;
}

/** The page opened when the hash names none. */
export const DEFAULT_PAGE = 'distros';

/** Every page, in navigation order; only pages that work are listed. */
export const PAGES: readonly PageEntry[] = [
  { id: 'distros', label: 'Distros', icon: <DnsOutlined />, inNav: true, component: DistrosPage },
];
