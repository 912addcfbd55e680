import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auth0Endpoints } from '../../../../main/auth/server-endpoints';
import { translateTransportError } from '../../../../main/auth/error-translation';
import { TokenClient } from '../../../../main/auth/token-client';
import { createHttpClient } from '../../../../main/net/http-client';
import { alice, demoProfile } from '../../../support/desktop-profile';
import { startConnectProxy, type ConnectProxy } from '../../../support/oauth2-test-server/connect-proxy';
import { createTestPki, type TestPki } from '../../../support/oauth2-test-server/test-pki';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';

// A tiny CONNECT proxy on 127.0.0.1 counts the tunnels it opens, so each test proves whether the
// request really went through it (or really did not).

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
const savedEnvironment = Object.fromEntries(proxyVariables.map((name) => [name, process.env[name]]));

let pki: TestPki;
let tlsServer: Server;
let tlsUrl: string;
let reference: TestServer;
let proxy: ConnectProxy;

beforeAll(async () => {
  pki = await createTestPki();
  tlsServer = createServer(pki.good, (_request, response) => response.end('{"via":"tls"}'));
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  tlsUrl = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}/hello`;
  reference = await startTestServer();
});
afterAll(async () => {
  tlsServer.closeAllConnections();
  await new Promise((resolve) => tlsServer.close(resolve));
  await reference.close();
});
afterEach(async () => {
  await proxy?.close();
  for (const name of proxyVariables) {
    if (savedEnvironment[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = savedEnvironment[name];
  }
});

const portOf = (url: string) => new URL(url).port;

describe('the proxy (profile or environment), tunnelled with CONNECT', () => {
  it('sends an https request through the profile’s proxy, with the extra CA still verifying the server', async () => {
    proxy = await startConnectProxy();
    const http = createHttpClient({ userAgent: 'Gatehouse/test', proxy: proxy.url, extraCaCertificates: [pki.caCert] });
    const response = await http.get<string>(tlsUrl);
    expect(response.data).toBe('{"via":"tls"}');
    expect(proxy.tunnels).toEqual([`127.0.0.1:${portOf(tlsUrl)}`]);
  });

  it('still refuses an untrusted certificate behind the proxy', async () => {
    proxy = await startConnectProxy();
    const http = createHttpClient({ userAgent: 'Gatehouse/test', proxy: proxy.url });
    const outcome = await http.get(tlsUrl).catch((error: unknown) => translateTransportError(error, tlsUrl));
    expect(outcome).toMatchObject({ code: 'tls' });
    expect(proxy.tunnels).toHaveLength(1);
  });

  it('takes HTTPS_PROXY from the environment when the profile names none', async () => {
    proxy = await startConnectProxy();
    process.env.HTTPS_PROXY = proxy.url;
    const http = createHttpClient({ userAgent: 'Gatehouse/test', extraCaCertificates: [pki.caCert] });
    await http.get(tlsUrl);
    expect(proxy.tunnels).toHaveLength(1);
  });

  it('goes direct for a host listed in NO_PROXY', async () => {
    proxy = await startConnectProxy();
    process.env.HTTPS_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    const http = createHttpClient({ userAgent: 'Gatehouse/test', extraCaCertificates: [pki.caCert] });
    expect((await http.get<string>(tlsUrl)).data).toBe('{"via":"tls"}');
    expect(proxy.tunnels).toEqual([]);
  });

  it('signs in to the reference server through HTTP_PROXY, every request tunnelled', async () => {
    proxy = await startConnectProxy();
    process.env.HTTP_PROXY = proxy.url;
    const profile = demoProfile(reference.issuer, 'proxy');
    const client = new TokenClient({
      http: createHttpClient({ userAgent: 'Gatehouse/test' }),
      clientId: profile.clientId,
      clientAuth: { method: 'none' },
      endpoints: auth0Endpoints(profile),
    });
    const signedIn = await client.passwordGrant({ ...alice, scope: 'openid offline_access' });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    expect(await client.revoke(signedIn.value.refreshToken ?? '')).toEqual({ ok: true, value: undefined });
    // Keep-alive may reuse one tunnel for both requests; what matters is that none went around it.
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([`127.0.0.1:${portOf(reference.url)}`]));
  });

  it('passes the proxy credentials from the proxy URL, and reports a refusal without them', async () => {
    proxy = await startConnectProxy({ requireAuth: 'jo:pa55' });
    const withAuth = new URL(proxy.url);
    withAuth.username = 'jo';
    withAuth.password = 'pa55';
    const good = createHttpClient({
      userAgent: 'Gatehouse/test',
      proxy: withAuth.toString(),
      extraCaCertificates: [pki.caCert],
    });
    expect((await good.get<string>(tlsUrl)).data).toBe('{"via":"tls"}');
    const bad = createHttpClient({ userAgent: 'Gatehouse/test', proxy: proxy.url, extraCaCertificates: [pki.caCert] });
    expect((await bad.get(tlsUrl)).status).toBe(407);
  });

  it('reports a proxy that is down as a network error', async () => {
    proxy = await startConnectProxy();
    const deadProxy = proxy.url;
    await proxy.close();
    const http = createHttpClient({ userAgent: 'Gatehouse/test', proxy: deadProxy, timeoutMs: 3000 });
    const outcome = await http.get(tlsUrl).catch((error: unknown) => translateTransportError(error, tlsUrl));
    expect(outcome).toMatchObject({
      code: 'network',
      message: expect.stringMatching(/nothing accepted the connection/),
    });
  });
});
