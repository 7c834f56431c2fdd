import { useEffect, useMemo } from 'react';
import type { ComposeCli, ComposeProject } from '../../../../shared/model/compose';
import type { ContainerRow } from '../../../../shared/model/container';
import type { LightdockApi } from '../../../../shared/ipc/lightdock-api';
import type { IpcError } from '../../ipc/ipc-error';
import { defineSharedQuery } from '../../ipc/live-query';
import { useIpcEvent } from '../../ipc/useIpcEvent';

const composeCli = defineSharedQuery('compose:cli', {});
const composeProjects = defineSharedQuery('compose:projects', {});
/** Per bridge, the Compose containers' signature the projects held answer for. */
const projectsFetchedFor = new WeakMap<LightdockApi, string>();

/** Fetches the Compose CLI and projects ahead of need, with the containers list, so the Containers page opens with them. */
export function prefetchCompose(): void {
  composeCli.prefetch();
  composeProjects.prefetch();
}

/** The Compose projects and CLI as the Containers page shows them. */
export interface ComposeModel {
  cli: ComposeCli | undefined;
  /** Every project by name (with or without containers). */
  projects: ReadonlyMap<string, ComposeProject>;
  /** Projects with no containers left (taken down through Lightdock), to keep a row with Up. */
  downProjects: readonly ComposeProject[];
  error: IpcError | undefined;
}

function composeSignature(containers: readonly ContainerRow[]): string {
  return containers
    .filter((container) => container.composeProject !== null)
    .map((container) => `${container.id}:${container.state}`)
    .join(',');
}

/**
 * `compose:cli` once and `compose:projects` again whenever a Compose container appears, goes or changes state (also
 * while the page was closed), and when a Compose job ends (a project taken down is remembered only once its `down` has
 * finished). Both are app-wide, so a prefetch made with the containers list opens the page with them; the projects
 * first held are taken to answer for the first containers list seen.
 */
export function useCompose(containers: readonly ContainerRow[] | undefined): ComposeModel {
  const cli = composeCli.use();
  const projects = composeProjects.use();
  const signature = containers === undefined ? null : composeSignature(containers);
  const { refetch } = projects;
  useEffect(() => {
    const api = window.lightdock;
    if (signature === null || api === undefined) return;
    const fetchedFor = projectsFetchedFor.get(api);
    projectsFetchedFor.set(api, signature);
    if (fetchedFor !== undefined && fetchedFor !== signature) refetch();
  }, [signature, refetch]);
  useIpcEvent('jobs:progressed', (pushed) => {
    if (pushed.job.kind === 'compose' && pushed.job.state !== 'running') refetch();
  });
  const byName = useMemo(() => new Map((projects.data ?? []).map((project) => [project.name, project])), [projects.data]);
  const downProjects = useMemo(() => (projects.data ?? []).filter((project) => project.containers === 0), [projects.data]);
  return { cli: cli.data, projects: byName, downProjects, error: projects.error ?? cli.error };
}
