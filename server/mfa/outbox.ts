import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../config';

/** A message to a user: an MFA code by email or SMS. */
export interface OutboundMessage {
  readonly channel: 'email' | 'sms';
  /** Email address or E.164 phone number. */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The full user id (`auth0|…`), for admins reading the outbox. */
  readonly userId: string;
}

/**
 * Delivers messages. The outbox below is Gatehouse's own channel; a real SMTP or SMS-gateway sender
 * implements the same method and is passed to `buildServer` instead (see server/README.md).
 */
export interface MessageSender {
  send(message: OutboundMessage): Promise<void>;
}

/** A delivered message as the admin endpoint shows it. */
export interface OutboxEntry extends OutboundMessage {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly date: number;
}

const Entry = z.object({
  id: z.string(),
  date: z.number(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  userId: z.string(),
});

/** The file under the data folder; it holds live codes, so it is owner-only like the database. */
export const OUTBOX_FILE_NAME = 'outbox.log';
/** Past this size the file is rotated to `outbox.log.1` (one generation kept). */
const ROTATE_AT_BYTES = 4 * 1024 * 1024;

/**
 * The local outbox: one JSON line per message appended to `<dataDir>/outbox.log`, read back by the
 * admin-only endpoint. Appends are synchronous and small, so lines never interleave.
 */
export class FileOutbox implements MessageSender {
  readonly path: string;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    this.path = join(dataDir, OUTBOX_FILE_NAME);
  }

  async send(message: OutboundMessage): Promise<void> {
    const entry: OutboxEntry = { id: randomUUID(), date: this.clock(), ...message };
    if (existsSync(this.path) && statSync(this.path).size > ROTATE_AT_BYTES) renameSync(this.path, `${this.path}.1`);
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }

  /** Newest first; `to` filters on the recipient (exact), `limit` caps the count. */
  read(query: { readonly to?: string; readonly limit?: number } = {}): OutboxEntry[] {
    if (!existsSync(this.path)) return [];
    const entries: OutboxEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line === '') continue;
      let parsed;
      try {
        parsed = Entry.safeParse(JSON.parse(line));
      } catch {
        continue;
      }
      if (parsed.success && (query.to === undefined || parsed.data.to === query.to)) entries.push(parsed.data);
    }
    return entries.reverse().slice(0, query.limit ?? 100);
  }
}
