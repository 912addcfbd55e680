import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaBundles, parsePemCertificates, trustedCertificates } from '../../../../main/net/trust-store';
import { createTestPki, type TestPki } from '../../../support/oauth2-test-server/test-pki';

let pki: TestPki;
let dir: string;
beforeAll(async () => {
  pki = await createTestPki();
  dir = await mkdtemp(join(tmpdir(), 'gatehouse-ca-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('trustedCertificates', () => {
  it('adds the extra CAs to Node’s roots instead of replacing them', () => {
    const trusted = trustedCertificates([pki.caCert]) ?? [];
    expect(trusted).toContain(pki.caCert);
    expect(trusted.length).toBeGreaterThanOrEqual(tls.rootCertificates.length + 1);
    for (const root of tls.rootCertificates.slice(0, 5)) expect(trusted).toContain(root);
  });

  it('leaves Node’s defaults alone when there is nothing extra', () => {
    expect(trustedCertificates([])).toBeUndefined();
  });
});

describe('parsePemCertificates', () => {
  it('splits a bundle of several certificates', () => {
    const parsed = parsePemCertificates(`# corporate bundle\n${pki.caCert}\n${pki.otherCaCert}`);
    expect(parsed.ok && parsed.value.length).toBe(2);
  });

  it('refuses text with no certificate, and a damaged certificate', () => {
    expect(parsePemCertificates('hello')).toMatchObject({ ok: false, error: { code: 'tls' } });
    const damaged = pki.caCert.replace(/[A-Za-z]{8}/, 'AAAAAAAA');
    expect(parsePemCertificates(damaged)).toMatchObject({ ok: false, error: { message: /cannot be read/ } });
  });
});

describe('loadCaBundles', () => {
  it('reads every file, in order (profile bundle, then policy bundles)', async () => {
    const first = join(dir, 'profile.pem');
    const second = join(dir, 'policy.pem');
    await writeFile(first, pki.caCert);
    await writeFile(second, pki.otherCaCert);
    expect(await loadCaBundles([first, second])).toEqual({ ok: true, value: [pki.caCert, pki.otherCaCert] });
  });

  it('fails with a tls error naming the file when it is missing or not PEM', async () => {
    const missing = await loadCaBundles([join(dir, 'nope.pem')]);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'tls', message: expect.stringMatching(/nope\.pem.*does not exist/) },
    });
    const notPem = join(dir, 'key.txt');
    await writeFile(notPem, 'not a certificate');
    expect(await loadCaBundles([notPem])).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/key\.txt.*no PEM/) },
    });
  });
});
