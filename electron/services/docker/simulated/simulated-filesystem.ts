import type { SimulatedContainer } from './engine-state';
import { noise } from './noise';
import { hostnameOf } from './simulated-model';

/** A regular file: its bytes are made on demand (deterministic for the same container). */
export interface SimFile {
  kind: 'file';
  mode: number;
  mtime: number;
  size: number;
  content(): Buffer;
}
/** A folder and its children by name. */
export interface SimFolder {
  kind: 'directory';
  mode: number;
  mtime: number;
  children: Map<string, SimNode>;
}
/** A symbolic link (never followed here; lookups follow it). */
export interface SimLink {
  kind: 'symlink';
  mode: number;
  mtime: number;
  target: string;
}
/** A character device (`/dev/null`). */
export interface SimDevice {
  kind: 'character-device';
  mode: number;
  mtime: number;
}
/** One node of a simulated container's filesystem. */
export type SimNode = SimFile | SimFolder | SimLink | SimDevice;

/** Entries of the simulated /usr/lib: enough to need several pages. */
export const USR_LIB_ENTRIES = 1_500;

const DAY = 86_400_000;
const BUSYBOX_APPLETS = ['ash', 'cat', 'chmod', 'chown', 'cp', 'date', 'df', 'dmesg', 'echo', 'grep', 'gzip', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'more', 'mount', 'mv', 'netstat', 'ping', 'ps', 'pwd', 'rm', 'sed', 'sh', 'sleep', 'stat', 'tar', 'touch', 'umount', 'uname', 'vi', 'watch'];
const USR_BIN_APPLETS = ['[', 'awk', 'basename', 'cut', 'du', 'env', 'find', 'free', 'head', 'id', 'less', 'nc', 'nslookup', 'sort', 'tail', 'top', 'tr', 'uniq', 'uptime', 'wc', 'wget', 'which', 'whoami', 'xargs'];
const LIB_STEMS = ['apk', 'crypto', 'ssl', 'z', 'curl', 'ssh2', 'xml2', 'ffi', 'gmp', 'idn2', 'unistring', 'brotlicommon', 'brotlidec', 'nghttp2', 'pcre2-8', 'readline', 'ncursesw', 'sqlite3', 'yaml', 'zstd', 'lz4', 'lzma', 'bz2', 'expat', 'gdbm', 'uuid', 'blkid', 'mount', 'cap', 'seccomp'];
const OS_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';

const folder = (mtime: number, mode = 0o755): SimFolder => ({ kind: 'directory', mode, mtime, children: new Map() });
const text = (body: string, mtime: number, mode = 0o644): SimFile => ({ kind: 'file', mode, mtime, size: Buffer.byteLength(body), content: () => Buffer.from(body) });
const link = (target: string, mtime: number): SimLink => ({ kind: 'symlink', mode: 0o777, mtime, target });

/** Deterministic bytes that look like an executable (an ELF header, then noise): what a program file holds. */
function binary(key: string, size: number, mtime: number, mode = 0o755): SimFile {
  return {
    kind: 'file',
    mode,
    mtime,
    size,
    content: () => {
      const block = Buffer.alloc(1024);
      let state = Math.floor(noise(key, 0) * 0xffffffff) | 1;
      for (let i = 0; i < block.length; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        block[i] = state & 0xff;
      }
      const bytes = Buffer.alloc(size, block);
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(bytes);
      return bytes;
    },
  };
}

/** Puts `node` at `path` (absolute, no trailing slash), making missing parent folders with `mtime`. */
export function place(root: SimFolder, path: string, node: SimNode): void {
  const parts = path.split('/').filter((part) => part !== '');
  const name = parts.pop();
  if (name === undefined) return;
  let dir = root;
  for (const part of parts) {
    const next = dir.children.get(part);
    if (next?.kind === 'directory') {
      dir = next;
    } else {
      const made = folder(node.mtime);
      dir.children.set(part, made);
      dir = made;
    }
  }
  dir.children.set(name, node);
}

function passwdOf(program: SimulatedContainer['program']): { passwd: string; group: string } {
  const users = ['root:x:0:0:root:/root:/bin/sh', 'bin:x:1:1:bin:/bin:/sbin/nologin', 'daemon:x:2:2:daemon:/sbin:/sbin/nologin', 'nobody:x:65534:65534:nobody:/:/sbin/nologin'];
  const groups = ['root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'nogroup:x:65533:', 'nobody:x:65534:'];
  const own: Partial<Record<SimulatedContainer['program'], [string, string]>> = {
    nginx: ['nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin', 'nginx:x:101:nginx'],
    api: ['node:x:1000:1000::/home/node:/bin/sh', 'node:x:1000:node'],
    postgres: ['postgres:x:70:70::/var/lib/postgresql:/bin/sh', 'postgres:x:70:'],
    redis: ['redis:x:999:1000::/home/redis:/sbin/nologin', 'redis:x:1000:redis'],
  };
  const extra = own[program];
  return {
    passwd: [...users, ...(extra ? [extra[0]] : [])].join('\n') + '\n',
    group: [...groups, ...(extra ? [extra[1]] : [])].join('\n') + '\n',
  };
}

function alpineBase(root: SimFolder, c: SimulatedContainer, imageTime: number, createdTime: number): void {
  for (const dir of ['home', 'media', 'mnt', 'opt', 'run', 'srv', 'usr/local/bin', 'usr/local/lib', 'usr/local/share', 'usr/share/misc', 'var/cache/apk', 'var/empty', 'var/lib/apk', 'var/local', 'var/mail', 'var/opt', 'var/spool/cron', 'etc/ssl/certs', 'etc/apk/keys', 'dev/pts']) {
    place(root, `/${dir}`, folder(imageTime));
  }
  place(root, '/proc', folder(createdTime, 0o555));
  place(root, '/sys', folder(createdTime, 0o555));
  place(root, '/root', folder(imageTime, 0o700));
  place(root, '/tmp', folder(createdTime, 0o1777));
  place(root, '/var/tmp', folder(imageTime, 0o1777));
  place(root, '/dev/shm', folder(createdTime, 0o1777));
  for (const device of ['null', 'zero', 'random', 'urandom', 'tty', 'full']) place(root, `/dev/${device}`, { kind: 'character-device', mode: 0o666, mtime: createdTime });
  place(root, '/.dockerenv', text('', createdTime, 0o755));
  place(root, '/bin/busybox', binary('busybox', 96 * 1024, imageTime));
  for (const applet of BUSYBOX_APPLETS) place(root, `/bin/${applet}`, link('/bin/busybox', imageTime));
  for (const applet of USR_BIN_APPLETS) place(root, `/usr/bin/${applet}`, link('/bin/busybox', imageTime));
  place(root, '/sbin/apk', binary('apk', 24 * 1024, imageTime));
  for (const applet of ['init', 'ifconfig', 'route', 'reboot', 'poweroff', 'sysctl']) place(root, `/sbin/${applet}`, link('/bin/busybox', imageTime));
  place(root, '/lib/ld-musl-x86_64.so.1', binary('ld-musl', 32 * 1024, imageTime));
  place(root, '/lib/libc.musl-x86_64.so.1', link('ld-musl-x86_64.so.1', imageTime));
  place(root, '/lib/apk/db/installed', text('P:alpine-baselayout\nV:3.6.5-r0\n\nP:busybox\nV:1.36.1-r29\n\nP:musl\nV:1.2.5-r0\n', imageTime));
  place(root, '/var/run', link('../run', imageTime));
  place(root, '/var/lock', link('../run/lock', imageTime));
  place(root, '/var/log/apk.log', text('(1/1) Installing ca-certificates (20240705-r0)\nOK: 8 MiB in 15 packages\n', imageTime));
  const hostname = hostnameOf(c);
  const { passwd, group } = passwdOf(c.program);
  place(root, '/etc/alpine-release', text('3.20.3\n', imageTime));
  place(root, '/etc/os-release', text(OS_RELEASE, imageTime));
  place(root, '/etc/hostname', text(`${hostname}\n`, createdTime));
  place(root, '/etc/hosts', text(`127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n${hostname === 'lightdock-vm' ? '' : `172.17.0.2\t${hostname}\n`}`, createdTime));
  place(root, '/etc/resolv.conf', text('# Generated by Docker Engine.\nnameserver 127.0.0.11\noptions ndots:0\n', createdTime));
  place(root, '/etc/passwd', text(passwd, imageTime));
  place(root, '/etc/group', text(group, imageTime));
  place(root, '/etc/shadow', text('root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\n', imageTime, 0o640));
  place(root, '/etc/profile', text('export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nexport PAGER=less\numask 022\n', imageTime));
  place(root, '/etc/motd', text('Welcome to Alpine!\n', imageTime));
  place(root, '/etc/apk/repositories', text('https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n', imageTime));
  place(root, '/etc/apk/world', text('alpine-baselayout\nbusybox\nca-certificates\nmusl\n', imageTime));
  place(root, '/etc/mtab', link('/proc/mounts', imageTime));
  for (let i = 0; i < USR_LIB_ENTRIES; i++) {
    const stem = LIB_STEMS[i % LIB_STEMS.length] ?? 'z';
    const round = Math.floor(i / LIB_STEMS.length);
    const name = round === 0 ? `lib${stem}.so` : `lib${stem}-module${String(round).padStart(3, '0')}.so.${1 + (round % 4)}`;
    const node = round === 0 ? link(`lib${stem}-module001.so.2`, imageTime) : binary(`usr/lib/${name}`, 512 + Math.floor(noise(name, 1) * 3584), imageTime);
    place(root, `/usr/lib/${name}`, node);
  }
}

function programFiles(root: SimFolder, c: SimulatedContainer, imageTime: number, createdTime: number): void {
  switch (c.program) {
    case 'nginx':
      place(root, '/etc/nginx/nginx.conf', text('user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n    access_log  /var/log/nginx/access.log  main;\n    sendfile        on;\n    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n', imageTime));
      place(root, '/etc/nginx/mime.types', text('types {\n    text/html  html htm shtml;\n    text/css   css;\n    application/javascript  js;\n    image/png  png;\n}\n', imageTime));
      place(root, '/etc/nginx/conf.d/default.conf', text('server {\n    listen       80;\n    server_name  localhost;\n    location / {\n        proxy_pass http://api:3000;\n    }\n}\n', createdTime));
      place(root, '/usr/share/nginx/html/index.html', text('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and working.</p>\n</body>\n</html>\n', imageTime));
      place(root, '/usr/share/nginx/html/50x.html', text('<!DOCTYPE html>\n<html>\n<head><title>Error</title></head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n', imageTime));
      place(root, '/usr/sbin/nginx', binary('nginx', 64 * 1024, imageTime));
      place(root, '/var/log/nginx/access.log', link('/dev/stdout', imageTime));
      place(root, '/var/log/nginx/error.log', link('/dev/stderr', imageTime));
      place(root, '/var/cache/nginx', folder(createdTime, 0o700));
      place(root, '/docker-entrypoint.sh', text('#!/bin/sh\nset -e\nif [ "$1" = "nginx" ]; then\n  find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do "$f"; done\nfi\nexec "$@"\n', imageTime, 0o775));
      place(root, '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', text('#!/bin/sh\nset -e\nexit 0\n', imageTime, 0o775));
      place(root, '/docker-entrypoint.d/20-envsubst-on-templates.sh', text('#!/bin/sh\nset -e\nexit 0\n', imageTime, 0o775));
      return;
    case 'api':
      place(root, '/app/package.json', text('{\n  "name": "shop-api",\n  "version": "1.4.2",\n  "main": "server.js",\n  "scripts": { "start": "node server.js" },\n  "dependencies": { "express": "^4.21.1", "pg": "^8.13.0" }\n}\n', imageTime));
      place(root, '/app/server.js', text("const express = require('express');\nconst routes = require('./src/routes');\n\nconst app = express();\napp.use(express.json());\napp.use('/api', routes);\napp.listen(3000, () => console.log('shop-api listening on :3000'));\n", imageTime));
      place(root, '/app/src/routes.js', text("const { Router } = require('express');\nconst router = Router();\nrouter.get('/health', (_req, res) => res.json({ ok: true }));\nmodule.exports = router;\n", imageTime));
      place(root, '/app/node_modules/express/package.json', text('{ "name": "express", "version": "4.21.1" }\n', imageTime));
      place(root, '/app/node_modules/pg/package.json', text('{ "name": "pg", "version": "8.13.0" }\n', imageTime));
      place(root, '/usr/local/bin/node', binary('node', 128 * 1024, imageTime));
      place(root, '/usr/local/bin/docker-entrypoint.sh', text('#!/bin/sh\nset -e\nexec "$@"\n', imageTime, 0o775));
      place(root, '/home/node', folder(imageTime));
      return;
    case 'postgres':
      place(root, '/var/lib/postgresql/data/PG_VERSION', text('16\n', createdTime, 0o600));
      place(root, '/var/lib/postgresql/data/postgresql.conf', text("listen_addresses = '*'\nmax_connections = 100\nshared_buffers = 128MB\n", createdTime, 0o600));
      place(root, '/var/lib/postgresql/data/pg_hba.conf', text('local all all trust\nhost all all all scram-sha-256\n', createdTime, 0o600));
      place(root, '/var/lib/postgresql/data/base', folder(createdTime, 0o700));
      place(root, '/docker-entrypoint-initdb.d', folder(imageTime));
      place(root, '/usr/local/bin/postgres', binary('postgres', 96 * 1024, imageTime));
      return;
    case 'redis':
      place(root, '/data/dump.rdb', binary('dump.rdb', 2048, createdTime, 0o644));
      place(root, '/usr/local/bin/redis-server', binary('redis-server', 64 * 1024, imageTime));
      place(root, '/usr/local/bin/redis-cli', binary('redis-cli', 32 * 1024, imageTime));
      return;
    default:
      return;
  }
}

/**
 * The filesystem of a simulated container, the same for the same container every time: an Alpine base (busybox,
 * /etc with its hostname, os-release and passwd, /usr/lib with USR_LIB_ENTRIES entries), then what its program's
 * image adds (nginx's html and config, the api's /app, postgres's data, redis's dump). Times come from the
 * container's creation (image files a month older); the whole tree is a few megabytes.
 */
export function simulatedFilesystem(c: SimulatedContainer): SimFolder {
  const createdTime = Math.floor(c.created / 1000) * 1000;
  const imageTime = createdTime - 30 * DAY;
  const root = folder(createdTime);
  alpineBase(root, c, imageTime, createdTime);
  programFiles(root, c, imageTime, createdTime);
  return root;
}

/** What a path names: a node (with its absolute, symlink-free path), or why not. */
export type Lookup = { found: true; node: SimNode; path: string } | { found: false; reason: 'missing' | 'not-a-folder' };

/**
 * Walks `path` as the engine does: symlinks in the parents are followed (at most 40, as Linux), the last one only
 * when `followLast` (a trailing `/` asks that of the engine). `..` stops at the root.
 */
export function lookup(root: SimFolder, path: string, followLast: boolean): Lookup {
  const pending = path.split('/').filter((part) => part !== '' && part !== '.');
  const walked: string[] = [];
  const nodes: SimNode[] = [root];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.shift() as string;
    if (part === '..') {
      if (walked.length > 0) {
        walked.pop();
        nodes.pop();
      }
      continue;
    }
    const dir = nodes.at(-1) as SimNode;
    if (dir.kind !== 'directory') return { found: false, reason: 'not-a-folder' };
    const node = dir.children.get(part);
    if (node === undefined) return { found: false, reason: 'missing' };
    if (node.kind === 'symlink' && (pending.length > 0 || followLast)) {
      if (++hops > 40) return { found: false, reason: 'missing' };
      const target = node.target.split('/').filter((p) => p !== '' && p !== '.');
      if (node.target.startsWith('/')) {
        walked.length = 0;
        nodes.length = 1;
      }
      pending.unshift(...target);
      continue;
    }
    walked.push(part);
    nodes.push(node);
  }
  return { found: true, node: nodes.at(-1) as SimNode, path: `/${walked.join('/')}` };
}
