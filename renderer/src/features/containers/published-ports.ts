import type { PortBinding } from '../../../../shared/model/container';

/** One port as shown: its words ("8080→80/tcp" or "80/tcp") and, when published, the local URL that opens it. */
export interface ShownPort {
  key: string;
  text: string;
  url: string | null;
}

/**
 * The ports of a container for display, published ones first: a port published on IPv4 and IPv6 shows once, and a
 * published port links to `http://127.0.0.1:<publicPort>/` (the only address Lightdock opens).
 */
export function shownPorts(ports: readonly PortBinding[]): ShownPort[] {
  const seen = new Set<string>();
  const shown: ShownPort[] = [];
  const ordered = [...ports].sort((a, b) => Number(b.publicPort !== null) - Number(a.publicPort !== null) || a.privatePort - b.privatePort);
  for (const port of ordered) {
    const key = `${port.publicPort ?? ''}:${port.privatePort}/${port.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (port.publicPort === null) {
      shown.push({ key, text: `${port.privatePort}/${port.type}`, url: null });
    } else {
      const url = port.type === 'tcp' ? `http://127.0.0.1:${port.publicPort}/` : null;
      shown.push({ key, text: `${port.publicPort}→${port.privatePort}/${port.type}`, url });
    }
  }
  return shown;
}
