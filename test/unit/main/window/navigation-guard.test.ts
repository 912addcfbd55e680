import { describe, expect, it } from 'vitest';
import { externalLinkDecision, isAppUrl, linkAllowList } from '../../../../main/window/navigation-guard';

describe('the app origin', () => {
  it.each(['app://gatehouse/index.html', 'app://gatehouse/', 'app://gatehouse/assets/x.js?v=1#top'])(
    '%s is the app',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://gatehouse.evil/',
    'app://gatehouse@evil/',
    'app://gatehouse:1/',
    'app:gatehouse',
    'app:///gatehouse/',
    '',
  ])('%s is not', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('external links', () => {
  const hosts = linkAllowList('https://Tenant.Example.com/', [
    'help.example.com',
    'bücher.example',
    'docs.example:8443',
  ]);

  it('allows the issuer host and the policy hosts, compared after normalising case and IDN', () => {
    expect(externalLinkDecision('https://tenant.example.com/x', hosts)).toEqual({
      open: true,
      url: 'https://tenant.example.com/x',
    });
    expect(externalLinkDecision('https://xn--bcher-kva.example/', hosts).open).toBe(true);
    expect(externalLinkDecision('https://docs.example:8443/', hosts).open).toBe(true);
  });

  it.each([
    ['http://tenant.example.com/', 'scheme http: is never opened'],
    ['https://docs.example/', 'host docs.example is not on the allow-list'],
    ['https://tenant.example.com@evil.example/', 'credentials in the URL'],
    ['https://evil.example/?https://tenant.example.com/', 'host evil.example is not on the allow-list'],
    ['https://bucher.example/', 'host bucher.example is not on the allow-list'],
    ['mailto:a@tenant.example.com', 'scheme mailto: is never opened'],
    ['::', 'not a URL'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(externalLinkDecision(url, hosts)).toEqual({ open: false, reason });
  });

  it('has only the policy hosts when no profile is active', () => {
    expect(linkAllowList(undefined, ['help.example.com'])).toEqual(['help.example.com']);
    expect(linkAllowList('not a url', [])).toEqual([]);
  });
});
