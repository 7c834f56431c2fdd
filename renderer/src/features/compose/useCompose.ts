import { useEffect, useMemo, useRef } from 'react';
import type { ComposeCli, ComposeProject } from '../../../../shared/model/compose';
import type { ContainerSummary } from '../../../../shared/model/container';
import type { IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { useIpcQuery } from '../../ipc/useIpcQuery';

/** The Compose projects and CLI as the Containers page shows them. */
export interface ComposeModel {
  cli: ComposeCli | undefined;
  /** Every project by name (with or without containers). */
  projects: ReadonlyMap<string, ComposeProject>;
  /** Projects with no containers left (taken down through Lightdock), to keep a row with Up. */
  downProjects: readonly ComposeProject[];
  error: IpcError | undefined;
}

function composeSignature(containers: readonly ContainerSummary[] | undefined): string {
  if (containers === undefined) return '';
  return containers
    .filter((container) => container.composeProject !== null)
    .map((container) => `${container.id}:${container.state}`)
    .join(',');
}

/**
 * `compose:cli` once and `compose:projects` again whenever a Compose container appears, goes or changes state, and
 * when a Compose job ends (a project taken down is remembered only once its `down` has finished).
 */
export function useCompose(containers: readonly ContainerSummary[] | undefined): ComposeModel {
  const cli = useIpcQuery('compose:cli', {});
  const projects = useIpcQuery('compose:projects', {});
  const signature = composeSignature(containers);
  const fetchedFor = useRef(signature);
  const { refetch } = projects;
  useEffect(() => {
    if (fetchedFor.current === signature) return;
    fetchedFor.current = signature;
    refetch();
  }, [signature, refetch]);
  useIpcEvent('jobs:progressed', (pushed) => {
    if (pushed.job.kind === 'compose' && pushed.job.state !== 'running') refetch();
  });
  const byName = useMemo(() => new Map((projects.data ?? []).map((project) => [project.name, project])), [projects.data]);
  const downProjects = useMemo(() => (projects.data ?? []).filter((project) => project.containers === 0), [projects.data]);
  return { cli: cli.data, projects: byName, downProjects, error: projects.error ?? cli.error };
}
