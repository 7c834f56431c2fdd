import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The harness script that starts and stops a private sshd in front of a dockerd. */
export const SSHD_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'sshd.sh');

/** What `sshd.sh start` printed: the port, the client config with the `lightdock-test` alias, its key and known_hosts. */
export interface TestSshd {
  dir: string;
  port: number;
  config: string;
  alias: string;
  clientKey: string;
  knownHosts: string;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [SSHD_SCRIPT, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`sshd.sh ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Starts Debian's sshd on 127.0.0.1 (tests/helpers/sshd.sh) whose sessions reach `dockerHost`; `noDocker` hides docker from them. */
export async function startSshd(dir: string, dockerHost: string, options: { noDocker?: boolean } = {}): Promise<TestSshd> {
  const out = await run(['start', dir, dockerHost, ...(options.noDocker ? ['--no-docker'] : [])]);
  const values = new Map(out.split('\n').flatMap((line) => (/^[A-Z_]+=/.test(line) ? [[line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const] : [])));
  const need = (key: string): string => {
    const value = values.get(key);
    if (value === undefined) throw new Error(`sshd.sh start printed no ${key}: ${out}`);
    return value;
  };
  return { dir, port: Number(need('SSH_PORT')), config: need('SSH_CONFIG'), alias: need('SSH_ALIAS'), clientKey: need('SSH_CLIENT_KEY'), knownHosts: need('SSH_KNOWN_HOSTS') };
}

/** Stops the sshd started for `dir` and the sessions it forked. */
export async function stopSshd(dir: string): Promise<void> {
  await run(['stop', dir]);
}

/** A copy of the sshd's client config (written next to it) with the `Host` block's `key` set to `value`. */
export function configVariant(sshd: TestSshd, name: string, key: string, value: string): string {
  const text = fs.readFileSync(sshd.config, 'utf8');
  const pattern = new RegExp(`^(\\s*)${key} .*$`, 'm');
  if (!pattern.test(text)) throw new Error(`${sshd.config} has no ${key} line`);
  const file = path.join(sshd.dir, `ssh_config.${name}`);
  fs.writeFileSync(file, text.replace(pattern, `$1${key} ${value}`));
  return file;
}

/** The pids of this process's living `ssh` children (read from /proc), to check that none is left behind. */
export function sshChildren(parent = process.pid): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const [state, ppid] = stat.slice(close + 2).split(' ');
    if (comm === 'ssh' && Number(ppid) === parent && state !== 'Z') pids.push(Number(entry));
  }
  return pids;
}
