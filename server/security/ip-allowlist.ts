import { BlockList, isIP } from 'node:net';

/** Parses `address` or `address/prefix`; undefined when it is neither. */
function parseEntry(
  entry: string,
): { address: string; family: 'ipv4' | 'ipv6'; prefix: number | undefined } | undefined {
  const [address = '', prefixText, extra] = entry.trim().split('/');
  if (extra !== undefined) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return { address, family, prefix: undefined };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= (version === 4 ? 32 : 128) ? { address, family, prefix } : undefined;
}

/** Whether `entry` is an IP address or CIDR range (what Auth0's `allowlist` fields accept). */
export function isValidAllowlistEntry(entry: string): boolean {
  return parseEntry(entry) !== undefined;
}

/**
 * An allowlist of addresses and CIDR ranges, matched with node's BlockList (which also matches
 * IPv4-mapped IPv6 addresses such as `::ffff:10.0.0.1` against IPv4 rules). Invalid entries are skipped.
 */
export class IpAllowlist {
  private readonly list = new BlockList();
  private readonly empty: boolean;

  constructor(entries: readonly string[]) {
    let added = 0;
    for (const entry of entries) {
      const parsed = parseEntry(entry);
      if (!parsed) continue;
      if (parsed.prefix === undefined) this.list.addAddress(parsed.address, parsed.family);
      else this.list.addSubnet(parsed.address, parsed.prefix, parsed.family);
      added += 1;
    }
    this.empty = added === 0;
  }

  /** Whether `ip` is on the list. Anything that is not an IP is not. */
  has(ip: string): boolean {
    if (this.empty) return false;
    const version = isIP(ip);
    if (version === 0) return false;
    return this.list.check(ip, version === 4 ? 'ipv4' : 'ipv6');
  }
}
