import { describe, expect, it } from 'vitest';
import { resolveServerConfig } from '../../../server/config';
import { IssuerRef, issuerForAddress } from '../../../server/issuer';
import { managementApiIdentifier } from '../../../server/tenant/management-api';

describe('resolveServerConfig', () => {
  it('applies defaults: no issuer, no seed, the real clock, logging off', () => {
    const config = resolveServerConfig({ dataDir: '/tmp/x' });
    expect(config).toMatchObject({ dataDir: '/tmp/x', issuer: undefined, seed: undefined, logger: false });
    expect(Math.abs(config.clock() - Date.now())).toBeLessThan(1000);
  });

  it('requires the issuer to be an http(s) URL ending with a slash and nothing after the path', () => {
    expect(resolveServerConfig({ dataDir: 'd', issuer: 'https://login.example/' }).issuer).toBe(
      'https://login.example/',
    );
    for (const issuer of ['https://login.example', 'ftp://login.example/', 'https://login.example/?q=1/', 'nope/']) {
      expect(() => resolveServerConfig({ dataDir: 'd', issuer })).toThrow();
    }
  });

  it('refuses an unknown seed and an empty data folder', () => {
    expect(() => resolveServerConfig({ dataDir: 'd', seed: 'prod' as 'demo' })).toThrow();
    expect(() => resolveServerConfig({ dataDir: '' })).toThrow();
  });
});

describe('issuer derivation', () => {
  it('builds http://host:port/ with brackets for IPv6 and loopback for wildcards', () => {
    expect(issuerForAddress({ address: '127.0.0.1', port: 4000 })).toBe('http://127.0.0.1:4000/');
    expect(issuerForAddress({ address: '::1', port: 4000 })).toBe('http://[::1]:4000/');
    expect(issuerForAddress({ address: '0.0.0.0', port: 80 })).toBe('http://127.0.0.1:80/');
    expect(issuerForAddress({ address: '::', port: 80 })).toBe('http://[::1]:80/');
  });

  it('is unknown until the server listens, and a configured issuer always wins', () => {
    const derived = new IssuerRef(undefined);
    expect(() => derived.get()).toThrow(/not known/);
    derived.adoptListeningAddress({ address: '127.0.0.1', family: 'IPv4', port: 5000 });
    expect(derived.get()).toBe('http://127.0.0.1:5000/');

    const fixed = new IssuerRef('https://login.example/');
    fixed.adoptListeningAddress({ address: '127.0.0.1', family: 'IPv4', port: 5000 });
    expect(fixed.get()).toBe('https://login.example/');
  });

  it('puts the Management API at <issuer>api/v2/', () => {
    expect(managementApiIdentifier('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000/api/v2/');
  });
});
