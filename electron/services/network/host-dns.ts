import { open } from 'node:fs/promises';

/** The most of /etc/resolv.conf that is read. */
const MAX_BYTES = 64 * 1024;
/** The model's bound on DNS servers. */
const MAX_SERVERS = 32;

/** The `nameserver` addresses in a resolv.conf text, in order, without duplicates, at most 32. */
export function parseNameservers(text: string): string[] {
  const servers: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*nameserver\s+([0-9A-Fa-f:.%]{2,64})\s*(?:#.*)?$/.exec(line);
    if (match?.[1] !== undefined && !servers.includes(match[1])) servers.push(match[1]);
    if (servers.length >= MAX_SERVERS) break;
  }
  return servers;
}

/** This machine's DNS servers from /etc/resolv.conf (the first 64 KiB), or none when it cannot be read. */
export async function hostNameservers(file = '/etc/resolv.conf'): Promise<string[]> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, MAX_BYTES, 0);
      return parseNameservers(buffer.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await handle.close();
    }
  } catch {
    return [];
  }
}
