/**
 * Allow-list entries as Auth0's attack-protection `allowlist` fields take them: an IPv4 or IPv6 address, or
 * a CIDR range of either. Pure string checks (no node:net), so the renderer can check as the admin types and
 * the IPC contract can refuse the same entries main would send.
 */

const ipv4Part = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => ipv4Part.test(part));
}

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const groups = halves.flatMap(groupsOf);
  // An IPv4 tail (::ffff:192.0.2.1) counts as two groups.
  const last = groups.at(-1) ?? '';
  const hasIpv4Tail = last.includes('.');
  if (hasIpv4Tail && !isIpv4(last)) return false;
  const hexGroups = hasIpv4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const count = hexGroups.length + (hasIpv4Tail ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * What is wrong with one allow-list entry, in plain words; undefined when it is a valid address or range.
 * `10.0.0.0/8`, `203.0.113.7`, `2001:db8::/32` and `::1` are fine.
 */
export function allowlistEntryProblem(entry: string): string | undefined {
  const text = entry.trim();
  if (text === '') return 'is empty';
  if (text.length > 64) return 'is longer than 64 characters, the most an entry may have';
  const [address = '', prefix, extra] = text.split('/');
  if (extra !== undefined) return 'has more than one “/”: a range is an address, one “/”, and a prefix length';
  const family = isIpv4(address) ? 4 : isIpv6(address) ? 6 : 0;
  if (family === 0) {
    if (/^[\d.]+$/.test(address))
      return 'is not an IPv4 address: it needs four numbers from 0 to 255, like 203.0.113.7';
    return 'is not an IP address: use one like 203.0.113.7 or 2001:db8::1, or a range like 10.0.0.0/8';
  }
  if (prefix === undefined) return undefined;
  const most = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > most) {
    return `has a range size “/${prefix}” that does not fit: an IPv${family} range ends in /0 to /${most}`;
  }
  return undefined;
}

export const isAllowlistEntry = (entry: string): boolean => allowlistEntryProblem(entry) === undefined;
