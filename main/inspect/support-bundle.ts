import { createHash, randomBytes } from 'node:crypto';
import type { Check, RedactedToken, SupportBundle } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import { redactText } from '../logging/logger';
import type { Profile } from '../settings/profile';
import type { TokenAnatomy } from './token-anatomy';

/** A token to put in a bundle: what was decoded, and what verification found. */
export interface BundleEntry {
  readonly anatomy: TokenAnatomy;
  readonly checks: readonly Check[];
}

// Deliberately loose (RFC 5322 allows more), because a false positive only hashes a little too much.
const emailAddress = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

const redactionWords =
  'The signature was removed. Every sub value and every e-mail address was replaced by the first 16 hex ' +
  'digits of a SHA-256 hash salted for this bundle only, so values can be matched within the bundle but ' +
  'not looked up or matched against another bundle. Everything else is as the server issued it.';

/**
 * Builds what a user can safely send to support: decoded header and claims without the signature (so the
 * bundle cannot be replayed as a token), `sub` and e-mail addresses hashed with a per-bundle random salt,
 * and the verification checks. Opaque tokens are described, never copied: they are credentials themselves.
 */
export function buildSupportBundle(
  entries: readonly BundleEntry[],
  profile: Pick<Profile, 'name' | 'kind' | 'issuer' | 'clientId' | 'audience'>,
  nowMs: number,
  salt: Uint8Array = randomBytes(16),
): SupportBundle {
  const hash = (value: string) =>
    `sha256:${createHash('sha256').update(salt).update(value).digest('hex').slice(0, 16)}`;
  return {
    format: 'gatehouse-token-bundle',
    version: 1,
    createdAt: new Date(nowMs).toISOString(),
    redaction: redactionWords,
    profile: {
      name: profile.name,
      kind: profile.kind,
      issuer: profile.issuer,
      clientId: profile.clientId,
      ...(profile.audience === undefined ? {} : { audience: profile.audience }),
    },
    tokens: entries.map((entry) => redactEntry(entry, hash)),
  };
}

function redactEntry({ anatomy, checks }: BundleEntry, hash: (value: string) => string): RedactedToken {
  const hashedPaths: string[] = [];
  const redactRecord = (record: Claims | null, prefix: string): Claims | null =>
    record === null ? null : (redactValue(record, prefix, false, hash, hashedPaths) as Claims);
  return {
    format: anatomy.format,
    header: redactRecord(anatomy.header, 'header'),
    claims: redactRecord(anatomy.claims, 'claims'),
    hashedPaths,
    checks: checks.map((check) => ({ ...check, message: replaceEmails(check.message, hash) })),
  };
}

/** Walks any JSON value: `sub` members (top level or nested, as in RFC 8693's `act`) are hashed whole. */
function redactValue(
  value: unknown,
  path: string,
  isSubject: boolean,
  hash: (value: string) => string,
  hashedPaths: string[],
): unknown {
  if (typeof value === 'string') {
    const redacted = isSubject ? hash(value) : replaceEmails(value, hash);
    if (redacted !== value) hashedPaths.push(path);
    return redacted;
  }
  if (isSubject && (typeof value === 'number' || typeof value === 'boolean')) {
    hashedPaths.push(path);
    return hash(String(value));
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => redactValue(item, `${path}[${index}]`, isSubject, hash, hashedPaths));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        const safeKey = replaceEmails(key, hash);
        return [safeKey, redactValue(inner, `${path}.${safeKey}`, isSubject || key === 'sub', hash, hashedPaths)];
      }),
    );
  }
  return value;
}

function replaceEmails(text: string, hash: (value: string) => string): string {
  return text.replace(emailAddress, (address) => hash(address.toLowerCase()));
}

/**
 * Attaches the app's last log lines to a bundle. The log is redacted when written; it is redacted again
 * here (a line from an older version might not have been), and e-mail addresses become `[email]`, since
 * log lines are not covered by the bundle's salted hashes.
 */
export function withLogLines(bundle: SupportBundle, lines: readonly string[]): SupportBundle {
  return { ...bundle, logLines: lines.map((line) => redactText(line).replace(emailAddress, '[email]')) };
}
