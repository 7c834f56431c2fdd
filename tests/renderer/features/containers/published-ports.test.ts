import { describe, expect, it } from 'vitest';
import { shownPorts } from '../../../../renderer/src/features/containers/published-ports';

describe('shownPorts', () => {
  it('shows a port published on IPv4 and IPv6 once, published ports first, with a 127.0.0.1 link for TCP only', () => {
    expect(
      shownPorts([
        { privatePort: 9000, publicPort: null, ip: null, type: 'tcp' },
        { privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' },
        { privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp' },
        { privatePort: 53, publicPort: 5353, ip: '127.0.0.1', type: 'udp' },
      ]),
    ).toEqual([
      { key: '5353:53/udp', text: '5353→53/udp', url: null },
      { key: '8080:80/tcp', text: '8080→80/tcp', url: 'http://127.0.0.1:8080/' },
      { key: ':9000/tcp', text: '9000/tcp', url: null },
    ]);
  });

  it('shows nothing for a container without ports', () => {
    expect(shownPorts([])).toEqual([]);
  });
});
