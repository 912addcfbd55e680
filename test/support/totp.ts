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
