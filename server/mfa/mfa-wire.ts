import type { Authenticator } from '../storage/authenticator-repository';

/** `email` → `a***@example.com`: enough for the user to recognise it, not enough to harvest it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0] ?? ''}***${email.slice(at)}`;
}

/** `+15550100123` → `XXXXXXXX0123`, as Auth0 shows phone numbers (auth0-wire.md §4.2). */
export function maskPhone(phone: string): string {
  return `${'X'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-4)}`;
}

/** One item of `GET /mfa/authenticators` (auth0-wire.md §4.2). */
export function authenticatorWire(authenticator: Authenticator): Record<string, unknown> {
  const base = { id: authenticator.id, authenticator_type: authenticator.type, active: authenticator.active };
  if (authenticator.type !== 'oob' || authenticator.oobChannel === null) return base;
  const target = authenticator.target ?? '';
  return {
    ...base,
    oob_channel: authenticator.oobChannel,
    name: authenticator.oobChannel === 'sms' ? maskPhone(target) : maskEmail(target),
  };
}

/**
 * A list parameter (`authenticator_types`, `oob_channels`): a JSON array of strings, or a form value
 * separated by spaces or commas. Anything else is treated as absent.
 */
export function listParameter(body: unknown, name: string): string[] | undefined {
  if (!(body instanceof Map)) return undefined;
  const value: unknown = body.get(name);
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? value : undefined;
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((item) => item !== '');
  return undefined;
}

/** RFC 6750 §2.1 `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i.exec(header ?? '');
  const token = match?.[1];
  return token !== undefined && token.length <= 16_384 ? token : undefined;
}

/** E.164: `+`, then up to 15 digits (ITU-T E.164 §6). */
export const E164 = /^\+[1-9]\d{6,14}$/;
/** A pragmatic address check; the outbox delivers locally, real senders validate further. */
export const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}$/;
