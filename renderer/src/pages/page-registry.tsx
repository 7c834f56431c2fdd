import type { ReactNode } from 'react';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import DonutSmallOutlined from '@mui/icons-material/DonutSmallOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import HubOutlined from '@mui/icons-material/HubOutlined';
import LayersOutlined from '@mui/icons-material/LayersOutlined';
import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import ViewInArOutlined from '@mui/icons-material/ViewInArOutlined';
import { prefetchCompose } from '../features/compose/useCompose';
import { prefetchContainers } from '../features/containers/useContainers';
import { prefetchDistros } from '../features/distros/distros-list';
import { prefetchImages } from '../features/images/useImages';
import { lazyPage, type PageComponent } from './lazy-page';
import { loadInOrder } from './page-loads';

/** A page of the app: its route id, its navigation entry (if any), and the component that takes the route parameter. */
export interface PageEntry {
  id: string;
  label: string;
  icon: ReactNode;
  /** False for pages reached from another page only (details). */
  inNav: boolean;
  component: PageComponent;
  /** Loads the page's code (its own chunk) ahead of need; resolves once it can render without suspending. */
  preload: () => Promise<void>;
  /** Fetches the list the page shows ahead of need (an app-wide live query), for pages that have one. */
  prefetchData?: () => void;
  /** The loads of the page's off-screen parts (its lazy dialogs), from its chunk, for pages that have them. */
  partLoads?: () => Promise<readonly (() => Promise<void>)[]>;
}

function split(entry: Omit<PageEntry, 'component' | 'preload'>, load: () => Promise<PageComponent>): PageEntry {
  const page = lazyPage(load);
  return { ...entry, component: page.component, preload: page.preload };
}

/** The Containers page's data: the containers list, and the Compose CLI and projects its project rows show. */
function prefetchContainersPage(): void {
  prefetchContainers();
  prefetchCompose();
}

/** The Images page's chunk: its component and its parts' loads. */
const imagesPage = () => import('./ImagesPage');

/** The page opened when the hash names none. */
export const DEFAULT_PAGE = 'distros';

/**
 * Every page, in navigation order; only pages that work are listed. Each page is split into its own chunk, so the main
 * bundle holds the shell only (the Distros page's data grid, the charts and the terminal load where used): the page
 * the window opens on starts loading with the main bundle (`preloadPageOf`), the others once the app is idle after
 * its first render.
 */
export const PAGES: readonly PageEntry[] = [
  split({ id: 'distros', label: 'Distros', icon: <DnsOutlined />, inNav: true, prefetchData: prefetchDistros }, () => import('./DistrosPage').then((m) => m.DistrosPage)),
  split({ id: 'distro', label: 'Distro', icon: <DnsOutlined />, inNav: false }, () => import('./DistroDetailPage').then((m) => m.DistroDetailPage)),
  split({ id: 'vm', label: 'WSL VM', icon: <MemoryOutlined />, inNav: true }, () => import('./VmPage').then((m) => m.VmPage)),
  split({ id: 'memory', label: 'Memory', icon: <DonutSmallOutlined />, inNav: true }, () => import('./MemoryPage').then((m) => m.MemoryPage)),
  split({ id: 'network', label: 'Network', icon: <HubOutlined />, inNav: true }, () => import('./NetworkPage').then((m) => m.NetworkPage)),
  split({ id: 'files', label: 'Files', icon: <FolderOutlined />, inNav: true }, () => import('./FilesPage').then((m) => m.FilesPage)),
  split({ id: 'containers', label: 'Containers', icon: <ViewInArOutlined />, inNav: true, prefetchData: prefetchContainersPage }, () => import('./ContainersPage').then((m) => m.ContainersPage)),
  split({ id: 'container', label: 'Container', icon: <ViewInArOutlined />, inNav: false }, () => import('./ContainerDetailPage').then((m) => m.ContainerDetailPage)),
  split(
    { id: 'images', label: 'Images', icon: <LayersOutlined />, inNav: true, prefetchData: prefetchImages, partLoads: () => imagesPage().then((m) => m.IMAGES_PART_LOADS) },
    () => imagesPage().then((m) => m.ImagesPage),
  ),
  split({ id: 'image', label: 'Image', icon: <LayersOutlined />, inNav: false }, () => import('./ImageDetailPage').then((m) => m.ImageDetailPage)),
  split({ id: 'volumes', label: 'Volumes', icon: <StorageOutlined />, inNav: true }, () => import('./VolumesPage').then((m) => m.VolumesPage)),
  split({ id: 'settings', label: 'Settings', icon: <SettingsOutlined />, inNav: true }, () => import('./SettingsPage').then((m) => m.SettingsPage)),
  split({ id: 'setup', label: 'Setup', icon: <FactCheckOutlined />, inNav: true }, () => import('./SetupPage').then((m) => m.SetupPage)),
];

/** The entry of the page a route names, or the default page's for an unknown one. */
export function pageOf(id: string): PageEntry {
  return PAGES.find((page) => page.id === id) ?? (PAGES.find((page) => page.id === DEFAULT_PAGE) as PageEntry);
}

/**
 * Starts loading the code of the page a route names (or the default page), and the list it shows, without waiting
 * for the first render (a list the host cannot give yet is fetched again when the page asks for it).
 */
export function preloadPageOf(id: string): void {
  const entry = pageOf(id);
  void entry.preload().catch(() => undefined);
  entry.prefetchData?.();
}

/** Fetches the list of every page that has one, so switching to it renders from memory. */
export function prefetchPageData(): void {
  for (const page of PAGES) page.prefetchData?.();
}

/**
 * Loads the code of every page, then of each of `more`, then each page's off-screen parts, one after another, until
 * `signal` aborts (the app unmounts).
 */
export async function preloadPages(signal: AbortSignal, more: readonly (() => Promise<void>)[] = []): Promise<void> {
  await loadInOrder([...PAGES.map((page) => page.preload), ...more], signal);
  for (const page of PAGES) {
    if (signal.aborted || page.partLoads === undefined) continue;
    const loads = await page.partLoads().catch(() => []);
    await loadInOrder(loads, signal);
  }
}
