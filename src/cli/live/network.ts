/** The machine's network addresses a room's phones can reach (IPv4, not loopback): what `--live` serves on unless `--host` picks. */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}
