import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ContainerDetail, ContainerStats } from '../../../../shared/model/container';
import { PortLinks } from '../containers/PortLinks';
import { CgroupPanel } from './CgroupPanel';
import { NamespacesPanel, type NameOf } from './NamespacesPanel';

/** Props of the overview: the container and, while it runs, its newest stats sample. */
export interface OverviewTabProps {
  detail: ContainerDetail;
  latest: ContainerStats | undefined;
  nameOf: NameOf;
}

function Section({ title, children }: { title: string; children: ReactNode }): React.JSX.Element {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h6" component="h3" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function dateText(value: string | null): string {
  if (value === null || value.startsWith('0001-')) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

function Facts({ detail }: { detail: ContainerDetail }): React.JSX.Element {
  const facts: [string, ReactNode][] = [
    ['ID', <code key="id">{detail.id.slice(0, 12)}</code>],
    ['Image', detail.image],
    ['Command', <code key="cmd">{detail.command}</code>],
    ['Status', detail.status],
    ['Created', new Date(detail.created * 1000).toLocaleString()],
    ['Started', dateText(detail.startedAt)],
    ['Finished', dateText(detail.finishedAt)],
    ['Main process', detail.pid === null || detail.pid === 0 ? '—' : `PID ${detail.pid} on the engine's machine`],
    ['Exit code', detail.exitCode === null ? '—' : String(detail.exitCode)],
    ['Restarts', String(detail.restartCount)],
    ['Terminal', detail.tty ? 'TTY' : 'No TTY'],
    ['Ports', <PortLinks key="ports" ports={detail.ports} name={detail.name} />],
  ];
  if (detail.composeProject !== null) facts.splice(2, 0, ['Compose', `${detail.composeProject} / ${detail.composeService ?? '—'}`]);
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
      {facts.map(([term, value]) => (
        <Box key={term} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {term}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function NetworksAndMounts({ detail }: { detail: ContainerDetail }): React.JSX.Element {
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="subtitle2" component="h4">
        Networks
      </Typography>
      {detail.networks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None of its own{detail.namespaces.net.mode === 'container' ? ': it uses another container’s network' : ''}.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {detail.networks.map((network) => (
            <Typography component="li" variant="body2" key={network.name}>
              {network.name}: {network.ipAddress ?? 'no address'}
              {network.gateway !== null && ` via ${network.gateway}`}
            </Typography>
          ))}
        </Box>
      )}
      <Typography variant="subtitle2" component="h4">
        Mounts
      </Typography>
      {detail.mounts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None: its files live only in its writable layer.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {detail.mounts.map((mount) => (
            <Typography component="li" variant="body2" key={mount.destination} sx={{ overflowWrap: 'anywhere' }}>
              {mount.type} <code>{mount.source}</code> → <code>{mount.destination}</code> {mount.rw ? '(read-write)' : '(read-only)'}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}

/**
 * The overview tab: the container's facts, networks and mounts, its namespaces (isolated or shared, and with whom)
 * and its cgroup limits against live use, each in a section named by its heading.
 */
export function OverviewTab({ detail, latest, nameOf }: OverviewTabProps): React.JSX.Element {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1.4fr)' } }}>
      <Section title="Details">
        <Facts detail={detail} />
      </Section>
      <Section title="Resources (cgroup)">
        <CgroupPanel cgroup={detail.cgroup} latest={latest} />
      </Section>
      <Section title="Networks and mounts">
        <NetworksAndMounts detail={detail} />
      </Section>
      <Section title="Isolation (namespaces)">
        <NamespacesPanel namespaces={detail.namespaces} nameOf={nameOf} />
      </Section>
    </Box>
  );
}
