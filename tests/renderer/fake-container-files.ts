import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { invokeContract } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { FsEntry, FsFileText, FsListing } from '../../shared/model/container-files';
import type { FakeJobs } from './fake-jobs';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** Entries of the fake's /usr/lib: two pages. */
export const FAKE_USR_LIB_ENTRIES = 230;
/** Entries in one page, as the service pages. */
const PAGE = 200;
const AT = Date.UTC(2026, 10, 2, 9, 30);

/** A file of the fake: its text (null for a binary file) and size. */
interface FakeFile {
  text: string | null;
  sizeBytes: number;
  truncated: boolean;
}

const folder = (name: string): FsEntry => ({ name, type: 'directory', sizeBytes: 0, mode: 'drwxr-xr-x', modified: AT, linkTarget: null });
const file = (name: string, sizeBytes: number): FsEntry => ({ name, type: 'file', sizeBytes, mode: '-rw-r--r--', modified: AT, linkTarget: null });
const symlink = (name: string, target: string): FsEntry => ({ name, type: 'symlink', sizeBytes: 0, mode: 'lrwxrwxrwx', modified: AT, linkTarget: target });

const OS_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n';

/**
 * The fake host's container-files:list, read, download and upload over one small filesystem shared by every
 * container: / (bin, etc, tmp, usr, .dockerenv), /etc (hostname, os-release, a large log, mtab → /proc/mounts),
 * /bin/busybox (binary), /usr/lib (FAKE_USR_LIB_ENTRIES entries, paged by 200), /tmp (empty). Requests are checked
 * against the contract; downloads are recorded (an existing target is CONFLICT); uploads appear in their folder.
 */
export class FakeContainerFiles {
  private readonly folders = new Map<string, FsEntry[]>([
    ['/', [folder('bin'), folder('etc'), folder('tmp'), folder('usr'), file('.dockerenv', 0)]],
    ['/bin', [file('busybox', 98_304)]],
    ['/etc', [file('big.log', 3 * 1024 * 1024), file('hostname', 13), file('os-release', OS_RELEASE.length), symlink('mtab', '/proc/mounts')]],
    ['/tmp', []],
    ['/usr', [folder('lib')]],
    ['/usr/lib', Array.from({ length: FAKE_USR_LIB_ENTRIES }, (_, i) => file(`libmodule${String(i).padStart(3, '0')}.so`, 1024 + i))],
  ]);
  private readonly files = new Map<string, FakeFile>([
    ['/etc/hostname', { text: '3f2a9c1b7d4e\n', sizeBytes: 13, truncated: false }],
    ['/etc/os-release', { text: OS_RELEASE, sizeBytes: OS_RELEASE.length, truncated: false }],
    ['/etc/big.log', { text: 'line\n'.repeat(1000), sizeBytes: 3 * 1024 * 1024, truncated: true }],
    ['/bin/busybox', { text: null, sizeBytes: 98_304, truncated: false }],
  ]);
  /** Paths on "this machine" that exist: a download there is refused. */
  readonly existingLocalFiles = new Set<string>(['/home/dev/taken.tar']);
  /** Downloads made, in order. */
  readonly downloads: { id: string; path: string; filePath: string }[] = [];

  constructor(
    private readonly emit: Emit,
    private readonly jobs: FakeJobs,
  ) {}

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    void this.emit;
    void this.jobs;
    switch (channel) {
      case 'container-files:list': {
        const parsed = invokeContract[channel].request.safeParse(request);
        return parsed.success ? this.list(parsed.data.id, parsed.data.path, parsed.data.offset ?? 0) : fail('VALIDATION', 'Invalid request.');
      }
      case 'container-files:read': {
        const parsed = invokeContract[channel].request.safeParse(request);
        return parsed.success ? this.read(parsed.data.id, parsed.data.path) : fail('VALIDATION', 'Invalid request.');
      }
      case 'container-files:download': {
        const parsed = invokeContract[channel].request.safeParse(request);
        return parsed.success ? this.download(parsed.data.id, parsed.data.path, parsed.data.filePath) : fail('VALIDATION', 'Invalid request.');
      }
      case 'container-files:upload': {
        const parsed = invokeContract[channel].request.safeParse(request);
        return parsed.success ? this.upload(parsed.data.id, parsed.data.folder, parsed.data.filePath) : fail('VALIDATION', 'Invalid request.');
      }
      default:
        return undefined;
    }
  }

  private plain(path: string): string {
    const parts = path.split('/').filter((part) => part !== '' && part !== '.');
    return `/${parts.join('/')}`;
  }

  private list(id: string, raw: string, offset: number): IpcResult<FsListing> {
    const path = this.plain(raw);
    const entries = this.folders.get(path);
    if (entries === undefined) {
      return this.files.has(path) ? fail('CONFLICT', `Not a folder in ${id}: ${path}`) : fail('NOT_FOUND', `No such file or folder in ${id}: ${path}`);
    }
    const page = entries.slice(offset, offset + PAGE);
    return ok({ path, entries: structuredClone(page), offset, complete: offset + page.length >= entries.length, truncated: false });
  }

  private read(id: string, raw: string): IpcResult<FsFileText> {
    const path = this.plain(raw);
    if (this.folders.has(path)) return fail('CONFLICT', `${path} in ${id} is a folder; open it instead.`);
    const found = this.files.get(path);
    if (found === undefined) return fail('NOT_FOUND', `No such file or folder in ${id}: ${path}`);
    return ok({ path, sizeBytes: found.sizeBytes, text: found.text, binary: found.text === null, truncated: found.truncated });
  }

  private download(id: string, raw: string, filePath: string): IpcResult<{ filePath: string; sizeBytes: number }> {
    const path = this.plain(raw);
    if (!this.folders.has(path) && !this.files.has(path)) return fail('NOT_FOUND', `No such file or folder in ${id}: ${path}`);
    if (this.existingLocalFiles.has(filePath)) return fail('CONFLICT', `${filePath} already exists; Lightdock never overwrites a file. Pick another name.`);
    this.existingLocalFiles.add(filePath);
    this.downloads.push({ id, path, filePath });
    return ok({ filePath, sizeBytes: 10_240 });
  }

  private upload(id: string, rawFolder: string, filePath: string): IpcResult<{ path: string; sizeBytes: number }> {
    const folderPath = this.plain(rawFolder);
    const entries = this.folders.get(folderPath);
    if (entries === undefined) return fail('NOT_FOUND', `No such file or folder in ${id}: ${folderPath}`);
    const name = filePath.split(/[\\/]/).at(-1) ?? 'upload';
    const path = folderPath === '/' ? `/${name}` : `${folderPath}/${name}`;
    const kept = entries.filter((entry) => entry.name !== name);
    kept.push(file(name, 6));
    kept.sort((a, b) => (a.type === 'directory' ? 0 : 1) - (b.type === 'directory' ? 0 : 1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.folders.set(folderPath, kept);
    this.files.set(path, { text: 'hello\n', sizeBytes: 6, truncated: false });
    return ok({ path, sizeBytes: 6 });
  }
}
