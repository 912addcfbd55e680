import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as tls from 'node:tls';
import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Node's own trust store: its bundled roots plus NODE_EXTRA_CA_CERTS (and the system store when Node runs
 * with --use-system-ca). `getCACertificates` exists from Node 22.15; older runtimes fall back to the roots.
 */
export function defaultCaCertificates(): string[] {
  const withDefaults = tls as typeof tls & { getCACertificates?: (type: 'default') => string[] };
  return typeof withDefaults.getCACertificates === 'function'
    ? withDefaults.getCACertificates('default')
    : [...tls.rootCertificates];
}

/**
 * The certificate authorities a connection trusts: Node's defaults, plus the extra ones. Passing `ca` to
 * Node replaces its list, so the defaults are copied in first; an extra bundle only ever adds trust.
 */
export function trustedCertificates(extra: readonly string[]): string[] | undefined {
  return extra.length === 0 ? undefined : [...defaultCaCertificates(), ...extra];
}

/** Every PEM certificate block in a text, each checked to be a certificate Node can read. */
export function parsePemCertificates(text: string): AppResult<string[]> {
  const read = readPem(text);
  return typeof read === 'string' ? err(badBundle(read)) : ok(read);
}

/** The certificate blocks, or why there are none worth trusting. */
function readPem(text: string): string[] | string {
  const blocks = text.match(pemBlock) ?? [];
  if (blocks.length === 0) return 'it contains no PEM certificate';
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      return 'one of its certificates cannot be read';
    }
  }
  return blocks;
}

/**
 * Reads the extra CA bundles named by a profile or the managed policy (PEM files, several certificates
 * each). A bundle that cannot be read is an error, never skipped: silently trusting less would break
 * sign-in behind a corporate TLS proxy with a confusing certificate error instead of this clear one.
 */
export async function loadCaBundles(paths: readonly string[]): Promise<AppResult<string[]>> {
  const certificates: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      const reason =
        (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : 'it cannot be read';
      return err(badBundle(reason, path));
    }
    const read = readPem(text);
    if (typeof read === 'string') return err(badBundle(read, path));
    certificates.push(...read);
  }
  return ok(certificates);
}

function badBundle(reason: string, path?: string): AppError {
  const name = path === undefined ? 'The extra certificate authority bundle' : `The certificate authority file ${path}`;
  return appError('tls', `${name} cannot be used: ${reason}.`, {
    nextStep: 'Check the CA bundle in the server profile, or ask your IT team for the right file (PEM format).',
  });
}
