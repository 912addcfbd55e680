import { createHmac } from 'node:crypto';

/**
 * The code an authenticator app shows at `atMs` (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), written
 * out here so tests do not share the server's TOTP library and cannot agree with it by accident.
 */
export function totp(base32Secret: string, atMs: number = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...base32Secret.replace(/=+$/, '').toUpperCase()]
    .map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0'))
    .join('');
  const key = Buffer.from(bits.match(/.{8}/g)?.map((byte) => Number.parseInt(byte, 2)) ?? []);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * A code for a child process that may take many seconds to start on a busy machine: when fewer than 20 s
 * of the current 30-second step remain, wait for the next step first. The server also accepts the previous
 * step's code, so the code then stays good for at least 50 s.
 */
export async function totpForSlowUse(base32Secret: string): Promise<string> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > 10_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - intoStep + 50));
  return totp(base32Secret);
}

/**
 * The code of the first 30-second step after the one `usedAtMs` fell in, waiting for that step if it has not
 * begun (at most 30 s). The server refuses a code from a step it has already accepted, so a second check
 * soon after a sign-in needs the next code.
 */
export async function totpAfterStepOf(base32Secret: string, usedAtMs: number): Promise<string> {
  const nextStepAt = (Math.floor(usedAtMs / 30_000) + 1) * 30_000;
  const wait = nextStepAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
  return totp(base32Secret);
}

/** A six-digit code that is certainly not accepted now: none of the steps within a minute either side. */
export function wrongTotp(base32Secret: string, atMs: number = Date.now()): string {
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((offset) => totp(base32Secret, atMs + offset)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}
