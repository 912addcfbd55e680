import { randomBytes } from 'node:crypto';

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomAlphanumeric(length: number): string {
  // 62 does not divide 256, so reject the top bytes to keep every character equally likely.
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < 248 && out.length < length) out.push(alphanumeric[byte % 62] ?? 'A');
    }
  }
  return out.join('');
}

/** Ids shaped like Auth0's, so admin screens and logs look familiar. */
export const newId = {
  /** `con_` + 16 characters, as Auth0 connection ids. */
  connection: () => `con_${randomAlphanumeric(16)}`,
  /** 24 hex digits, as the part after `auth0|` in Auth0 user ids. */
  user: () => randomBytes(12).toString('hex'),
  /** 24 hex digits, as Auth0 resource-server ids. */
  resourceServer: () => randomBytes(12).toString('hex'),
  /** Internal row id for a refresh token (never shown; the token itself is separate). */
  refreshToken: () => randomBytes(16).toString('hex'),
  /** Groups the refresh tokens descended from one login. */
  refreshTokenFamily: () => randomBytes(16).toString('hex'),
  /** `rol_` + 16 characters, as Auth0 role ids. */
  role: () => `rol_${randomAlphanumeric(16)}`,
  /** `cgr_` + 16 characters, as Auth0 client-grant ids. */
  clientGrant: () => `cgr_${randomAlphanumeric(16)}`,
} as const;
