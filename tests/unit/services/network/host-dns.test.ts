import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostNameservers, parseNameservers } from '../../../../electron/services/network/host-dns';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('host DNS', () => {
  it('reads nameserver lines in order, once each, ignoring comments and other lines', () => {
    const text = '# generated\nsearch lan\nnameserver 10.255.255.254\nnameserver  fd00::1 # v6\nnameserver 10.255.255.254\noptions ndots:0\nnameserver not an address\n';
    expect(parseNameservers(text)).toEqual(['10.255.255.254', 'fd00::1']);
  });

  it('keeps at most 32 servers', () => {
    const text = Array.from({ length: 100 }, (_, i) => `nameserver 10.0.0.${i}`).join('\n');
    expect(parseNameservers(text)).toHaveLength(32);
  });

  it('reads the file, and answers none for a file that is missing', async () => {
    const file = path.join(temp.dir, 'resolv.conf');
    fs.writeFileSync(file, 'nameserver 192.168.1.1\n');
    expect(await hostNameservers(file)).toEqual(['192.168.1.1']);
    expect(await hostNameservers(path.join(temp.dir, 'missing'))).toEqual([]);
  });
});
