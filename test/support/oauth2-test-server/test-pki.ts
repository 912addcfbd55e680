import { generate } from 'selfsigned';

/** PEM certificate and private key for a TLS server. */
export interface ServerIdentity {
  readonly cert: string;
  readonly key: string;
}

/**
 * A throwaway PKI made at test time (EC P-256, so it takes milliseconds): a test CA; a leaf it signs for
 * 127.0.0.1 and localhost; the same but expired; one for another host name; and a self-signed leaf.
 * Nothing here is ever trusted outside the test that made it.
 */
export interface TestPki {
  readonly caCert: string;
  readonly good: ServerIdentity;
  readonly expired: ServerIdentity;
  readonly wrongHost: ServerIdentity;
  readonly selfSigned: ServerIdentity;
  /** A second CA that signed nothing: trusting it must not make the good leaf acceptable on its own. */
  readonly otherCaCert: string;
}

const day = 24 * 60 * 60 * 1000;
const localNames = [
  { type: 2 as const, value: 'localhost' },
  { type: 7 as const, ip: '127.0.0.1' },
];

export async function createTestPki(): Promise<TestPki> {
  const now = Date.now();
  const ca = await makeCa('Gatehouse Test CA', now);
  const other = await makeCa('Gatehouse Unrelated CA', now);
  const signedBy = { key: ca.private, cert: ca.cert };
  const [good, expired, wrongHost, selfSigned] = await Promise.all([
    leaf('localhost', localNames, now - day, now + day, signedBy),
    leaf('localhost', localNames, now - 30 * day, now - day, signedBy),
    leaf('wrong.example', [{ type: 2, value: 'wrong.example' }], now - day, now + day, signedBy),
    leaf('localhost', localNames, now - day, now + day, undefined),
  ]);
  return { caCert: ca.cert, otherCaCert: other.cert, good, expired, wrongHost, selfSigned };
}

function makeCa(name: string, now: number) {
  return generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - day),
    notAfterDate: new Date(now + 7 * day),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
}

async function leaf(
  commonName: string,
  altNames: { type: 2 | 7; value?: string; ip?: string }[],
  notBefore: number,
  notAfter: number,
  ca: { key: string; cert: string } | undefined,
): Promise<ServerIdentity> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(notBefore),
    notAfterDate: new Date(notAfter),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
    ...(ca === undefined ? {} : { ca }),
  });
  return { cert: pems.cert, key: pems.private };
}
