import { open, type FileHandle } from 'node:fs/promises';

/** Makes everything written so far reach the disk (an fdatasync). */
export type SyncToDisk = () => Promise<void>;

/**
 * Group commit for answers. SQLite runs in WAL mode with `synchronous = NORMAL`, so a commit appends to the
 * WAL without waiting for the disk, and the event loop never blocks on an fsync. Before an answer to a
 * write leaves, `afterCommits()` waits for an fdatasync of the WAL that *began after* the caller's commits:
 * what the client was told is stored is on disk, as with `synchronous = FULL`, but one sync on the thread
 * pool covers every answer waiting at that moment instead of one blocking sync per commit.
 */
export class DurabilityBarrier {
  readonly #sync: SyncToDisk;
  #running: Promise<void> | null = null;
  #next: Promise<void> | null = null;

  constructor(sync: SyncToDisk) {
    this.#sync = sync;
  }

  /** Resolves when a sync that started after this call has finished; rejects if that sync failed. */
  afterCommits(): Promise<void> {
    if (this.#running === null) return this.#start();
    // The running sync may have begun before this caller's commit, so it proves nothing for it. Everyone
    // arriving meanwhile shares the next one.
    this.#next ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = null;
        return this.#start();
      });
    return this.#next;
  }

  #start(): Promise<void> {
    const run = this.#sync().finally(() => {
      if (this.#running === run) this.#running = null;
    });
    this.#running = run;
    return run;
  }
}

/**
 * An fdatasync of `<database>-wal`. The WAL file is created by the first write and then reused in place
 * (a checkpoint rewinds it, it is not replaced), so one handle serves until the database closes. Before
 * the first write there is nothing to sync.
 */
export function walFileSync(databasePath: string): { sync: SyncToDisk; close: () => Promise<void> } {
  let handle: Promise<FileHandle | null> | null = null;
  const opened = () =>
    (handle ??= open(`${databasePath}-wal`, 'r+').catch((error: unknown) => {
      handle = null; // not created yet: try again next time
      if ((error as { code?: unknown }).code === 'ENOENT') return null;
      throw error;
    }));
  return {
    sync: async () => {
      const file = await opened();
      await file?.datasync();
    },
    close: async () => {
      const file = await handle;
      handle = null;
      await file?.close();
    },
  };
}
