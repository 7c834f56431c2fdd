import type { ReactNode } from 'react';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import LayersOutlined from '@mui/icons-material/LayersOutlined';
import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import ViewInArOutlined from '@mui/icons-material/ViewInArOutlined';
import { ContainerDetailPage } from './ContainerDetailPage';
import { ContainersPage } from './ContainersPage';
import { DistroDetailPage } from './DistroDetailPage';
import { DistrosPage } from './DistrosPage';
import { ImagesPage } from './ImagesPage';
import { SettingsPage } from './SettingsPage';
import { VmPage } from './VmPage';
import { VolumesPage } from './VolumesPage';

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
  { id: 'distro', label: 'Distro', icon: <DnsOutlined />, inNav: false, component: DistroDetailPage },
  { id: 'vm', label: 'WSL VM', icon: <MemoryOutlined />, inNav: true, component: VmPage },
  { id: 'containers', label: 'Containers', icon: <ViewInArOutlined />, inNav: true, component: ContainersPage },
  { id: 'container', label: 'Container', icon: <ViewInArOutlined />, inNav: false, component: ContainerDetailPage },
  { id: 'images', label: 'Images', icon: <LayersOutlined />, inNav: true, component: ImagesPage },
  { id: 'volumes', label: 'Volumes', icon: <StorageOutlined />, inNav: true, component: VolumesPage },
  { id: 'settings', label: 'Settings', icon: <SettingsOutlined />, inNav: true, component: SettingsPage },
];
