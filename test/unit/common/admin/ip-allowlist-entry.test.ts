import { describe, expect, it } from 'vitest';
import { allowlistEntryProblem } from '../../../../common/admin/ip-allowlist-entry';
import { BruteForcePatch } from '../../../../common/admin/log.schema';

describe('allowlistEntryProblem', () => {
  it.each([
    '203.0.113.7',
    '10.0.0.0/8',
    '0.0.0.0/0',
    '2001:db8::1',
    '2001:db8::/32',
    '::1',
    '::',
    '::ffff:192.0.2.1',
    'fe80:0:0:0:0:0:0:1/128',
  ])('accepts %s', (entry) => expect(allowlistEntryProblem(entry)).toBeUndefined());

  it.each([
    ['10.0.0.256', 'is not an IPv4 address: it needs four numbers from 0 to 255, like 203.0.113.7'],
    ['10.0.0', 'is not an IPv4 address: it needs four numbers from 0 to 255, like 203.0.113.7'],
    ['01.2.3.4', 'is not an IPv4 address: it needs four numbers from 0 to 255, like 203.0.113.7'],
    ['example.com', 'is not an IP address: use one like 203.0.113.7 or 2001:db8::1, or a range like 10.0.0.0/8'],
    ['2001:db8::1::2', 'is not an IP address: use one like 203.0.113.7 or 2001:db8::1, or a range like 10.0.0.0/8'],
    ['1:2:3:4:5:6:7', 'is not an IP address: use one like 203.0.113.7 or 2001:db8::1, or a range like 10.0.0.0/8'],
    ['10.0.0.0/33', 'has a range size “/33” that does not fit: an IPv4 range ends in /0 to /32'],
    ['2001:db8::/129', 'has a range size “/129” that does not fit: an IPv6 range ends in /0 to /128'],
    ['10.0.0.0/8/8', 'has more than one “/”: a range is an address, one “/”, and a prefix length'],
  ])('refuses %s in plain words', (entry, problem) => expect(allowlistEntryProblem(entry)).toBe(problem));

  it('makes the IPC contract refuse an allow-list entry that is not an address', () => {
    expect(BruteForcePatch.safeParse({ allowlist: ['10.0.0.0/8'] }).success).toBe(true);
    expect(BruteForcePatch.safeParse({ allowlist: ['10.0.0.0/40'] }).success).toBe(false);
  });
});
