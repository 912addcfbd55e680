import { afterEach, describe, expect, it } from 'vitest';
import { describeProxy, proxyFor } from '../../../../main/net/proxy';

const saved = { ...process.env };
afterEach(() => {
  for (const name of [
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
  ]) {
    if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = saved[name];
  }
});

describe('proxyFor', () => {
  it('uses the profile’s proxy for every URL, whatever the environment says', () => {
    process.env.NO_PROXY = '*';
    expect(proxyFor('https://login.example.com/oauth/token', 'http://proxy.corp:3128')).toBe('http://proxy.corp:3128');
  });

  it('falls back on HTTPS_PROXY for https and HTTP_PROXY for http', () => {
    process.env.HTTPS_PROXY = 'http://secure-proxy:8080';
    process.env.HTTP_PROXY = 'http://plain-proxy:8080';
    expect(proxyFor('https://login.example.com/', undefined)).toBe('http://secure-proxy:8080');
    expect(proxyFor('http://login.example.com/', undefined)).toBe('http://plain-proxy:8080');
  });

  it('honours NO_PROXY exceptions', () => {
    process.env.HTTPS_PROXY = 'http://secure-proxy:8080';
    process.env.NO_PROXY = '.internal.corp,127.0.0.1';
    expect(proxyFor('https://sso.internal.corp/', undefined)).toBeUndefined();
    expect(proxyFor('https://127.0.0.1:8443/', undefined)).toBeUndefined();
    expect(proxyFor('https://login.example.com/', undefined)).toBe('http://secure-proxy:8080');
  });

  it('connects directly when nothing is configured', () => {
    delete process.env.HTTPS_PROXY;
    delete process.env.https_proxy;
    delete process.env.ALL_PROXY;
    delete process.env.all_proxy;
    expect(proxyFor('https://login.example.com/', undefined)).toBeUndefined();
  });
});

describe('describeProxy', () => {
  it('never shows the proxy’s user name or password', () => {
    expect(describeProxy('http://jo:s3cret@proxy.corp:3128/')).toBe('http://proxy.corp:3128');
  });
});
