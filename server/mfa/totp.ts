import { createGuardrails, generateSecret, verify } from 'otplib';

/** TOTP as authenticator apps do it (RFC 6238): SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;

/**
 * RFC 4226 §4 asks for 128-bit secrets and we generate 160; but verification also accepts 80-bit ones,
 * such as demo-tenant.md's `JBSWY3DPEHPK3PXP`, which otplib's default guardrails would refuse.
 */
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** A new base32 secret of 160 bits (RFC 4226 §4 recommends at least 128). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/**
 * The `otpauth://` URI for the QR code (auth0-wire.md §4.4: `otpauth://totp/<tenant>:<user>?secret=…
 * &issuer=<tenant>&algorithm=SHA1&digits=6&period=30`).
 */
export function totpUri(tenant: string, account: string, secret: string): string {
  // Built by hand: otplib leaves out the default algorithm/digits/period, which Auth0's URI spells out.
  // Key Uri Format (google-authenticator wiki): label `issuer:account`, each part percent-encoded.
  const label = `${encodeURIComponent(tenant)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret,
    issuer: tenant,
    algorithm: 'SHA1',
    digits: '6',
    period: String(PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/**
 * Checks a 6-digit code at `nowMs` with ±1 step of skew. Returns the time step it matched (the caller
 * records it so each code works once, RFC 6238 §5.2) or undefined.
 */
export async function matchTotp(secret: string, code: string, nowMs: number): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: PERIOD_SECONDS,
    period: PERIOD_SECONDS,
    guardrails,
  });
  // The functional API types HOTP and TOTP results together; only TOTP's carries timeStep.
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
