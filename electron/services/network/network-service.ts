import type { NetworkMap, PortReachability } from '../../../shared/model/network-map';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';

/** The Network page: the map from Windows down to each published port, its problems, and reachability checks on 127.0.0.1. */
export class NetworkService {
  constructor(private readonly deps: InsightDeps) {}

  /** The map now; with `checkPorts`, every TCP port's reachability is checked too. */
  async map(options: { checkPorts: boolean }): Promise<NetworkMap> {
    void this.deps;
    void options;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }

  /** Checks one published port on 127.0.0.1 only. */
  async checkPort(request: { containerId: string; publicPort: number; protocol: 'tcp' | 'udp' | 'sctp' }): Promise<PortReachability> {
    void request;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }
}
