import type { ContainerSummary } from '../../../../shared/model/container';
import type { ImageSummary, NetworkSummary, PruneResult, VolumeSummary } from '../../../../shared/model/engine';

/** The parts of an Engine API `/images/json` row the model reads. */
export interface RawImage {
  Id: string;
  RepoTags?: string[] | null;
  Size?: number;
  Created?: number;
}

/** The parts of an Engine API volume the model reads. */
export interface RawVolume {
  Name: string;
  Driver?: string;
  Mountpoint?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
}

/** The parts of an Engine API `/networks` row the model reads. */
export interface RawNetwork {
  Id: string;
  Name: string;
  Driver?: string;
  Scope?: string;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] | null } | null;
}

/**
 * An image row; `<none>:<none>` tags are dropped and an untagged image is dangling, as `docker images` shows
 * it. The container count comes from the container list (the engine reports -1 unless asked to count).
 */
export function mapImage(raw: RawImage, containers: ContainerSummary[]): ImageSummary {
  const tags = (raw.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  return {
    id: raw.Id,
    tags,
    sizeBytes: Math.max(0, raw.Size ?? 0),
    created: Math.floor(raw.Created ?? 0),
    containers: containers.filter((c) => c.imageId === raw.Id).length,
    dangling: tags.length === 0,
  };
}

/** A volume row with the names of the containers (any state) that mount it. */
export function mapVolume(raw: RawVolume, containers: ContainerSummary[]): VolumeSummary {
  return {
    name: raw.Name,
    driver: raw.Driver ?? 'local',
    mountpoint: raw.Mountpoint ?? '',
    createdAt: raw.CreatedAt !== undefined && raw.CreatedAt !== '' ? raw.CreatedAt : null,
    labels: raw.Labels ?? {},
    inUseBy: containers.filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === raw.Name)).map((c) => c.name),
  };
}

/** A network row; the container count comes from the container list (the list endpoint leaves it empty). */
export function mapNetwork(raw: RawNetwork, containers: ContainerSummary[]): NetworkSummary {
  const ipam = raw.IPAM?.Config?.[0];
  return {
    id: raw.Id,
    name: raw.Name,
    driver: raw.Driver ?? '',
    scope: raw.Scope ?? 'local',
    subnet: ipam?.Subnet !== undefined && ipam.Subnet !== '' ? ipam.Subnet : null,
    gateway: ipam?.Gateway !== undefined && ipam.Gateway !== '' ? ipam.Gateway : null,
    containers: containers.filter((c) => c.networks.some((n) => n.name === raw.Name)).length,
  };
}

/** An image prune answer: the deleted (else untagged) references and the bytes reclaimed. */
export function mapImagePrune(raw: { ImagesDeleted?: { Deleted?: string; Untagged?: string }[] | null; SpaceReclaimed?: number }): PruneResult {
  const deleted = (raw.ImagesDeleted ?? []).map((d) => d.Deleted ?? d.Untagged ?? '').filter((d) => d !== '');
  return { deleted, reclaimedBytes: Math.max(0, raw.SpaceReclaimed ?? 0) };
}

/** A volume prune answer. */
export function mapVolumePrune(raw: { VolumesDeleted?: string[] | null; SpaceReclaimed?: number }): PruneResult {
  return { deleted: raw.VolumesDeleted ?? [], reclaimedBytes: Math.max(0, raw.SpaceReclaimed ?? 0) };
}
