import type { AddressInfo } from 'node:net';

/** Where code reads the issuer. It may only become known once the server listens. */
export interface IssuerSource {
  /** The issuer with its trailing slash. Throws before it is known. */
  get(): string;
}

/**
 * The issuer: fixed by configuration, or derived from the listening address (demo-tenant.md "Issuer").
 * Deriving it is what lets `--port 0` and tests work without knowing the port in advance.
 */
export class IssuerRef implements IssuerSource {
  private value: string | undefined;

  constructor(
    private readonly configured: string | undefined,
    /** `https` when the server itself terminates TLS. */
    private readonly scheme: 'http' | 'https' = 'http',
  ) {
    this.value = configured;
  }

  get(): string {
    if (this.value === undefined) throw new Error('the issuer is not known until the server listens');
    return this.value;
  }

  /** Called from the onListen hook. A configured issuer always wins. */
  adoptListeningAddress(address: AddressInfo | string | null): void {
    if (this.configured !== undefined || address === null || typeof address === 'string') return;
    this.value = issuerForAddress(address, this.scheme);
  }
}

/**
 * `http://<host>:<port>/` (or `https://`) for a listening socket. IPv6 hosts get brackets (RFC 3986 §3.2.2). A wildcard
 * address is not somewhere a client can connect to, so it becomes the loopback address of its family;
 * use `--issuer` to publish a real name.
 */
export function issuerForAddress(
  address: Pick<AddressInfo, 'address' | 'port'>,
  scheme: 'http' | 'https' = 'http',
): string {
  let host = address.address;
  if (host === '0.0.0.0') host = '127.0.0.1';
  if (host === '::') host = '::1';
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${hostPart}:${address.port}/`;
}
