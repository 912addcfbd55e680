import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../../../server/storage/database';
import { DurabilityBarrier, walFileSync } from '../../../../server/storage/durability-barrier';

/** A disk whose syncs the test finishes by hand, counting how many were asked for. */
function manualDisk() {
  const pending: { finish: () => void; fail: (error: Error) => void }[] = [];
  return {
    pending,
    started: () => pending.length,
    sync: () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ finish: resolve, fail: reject });
      }),
  };
}

const settled = async <T>(promise: Promise<T>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'done'),
    () => (state = 'failed'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return state;
};

describe('DurabilityBarrier (group commit for answers)', () => {
  it('starts a sync at once when none is running, and answers when it finishes', async () => {
    const disk = manualDisk();
    const barrier = new DurabilityBarrier(disk.sync);
    const answer = barrier.afterCommits();
    expect(disk.started()).toBe(1);
    expect(await settled(answer)).toBe('pending');
    disk.pending[0]?.finish();
    expect(await settled(answer)).toBe('done');
  });

  it('never lets a sync that began before a commit vouch for it: latecomers share the next one', async () => {
    const disk = manualDisk();
    const barrier = new DurabilityBarrier(disk.sync);
    const early = barrier.afterCommits();
    const late = Array.from({ length: 10 }, () => barrier.afterCommits());
    expect(disk.started()).toBe(1);
    disk.pending[0]?.finish();
    expect(await settled(early)).toBe('done');
    // The first sync finished, but it may have missed the latecomers' commits: they wait for a second.
    expect(await settled(Promise.all(late))).toBe('pending');
    expect(disk.started()).toBe(2);
    disk.pending[1]?.finish();
    expect(await settled(Promise.all(late))).toBe('done');
    expect(disk.started()).toBe(2); // ten answers, one extra sync
  });

  it('passes a failed sync to its waiters, and starts afresh for the next caller', async () => {
    const disk = manualDisk();
    const barrier = new DurabilityBarrier(disk.sync);
    const doomed = barrier.afterCommits();
    const next = barrier.afterCommits();
    disk.pending[0]?.fail(new Error('EIO'));
    await expect(doomed).rejects.toThrow('EIO');
    // The latecomer's sync still runs after the failed one.
    expect(await settled(next)).toBe('pending');
    disk.pending[1]?.finish();
    expect(await settled(next)).toBe('done');
  });
});

/** The paths this process holds open. */
async function openFiles(): Promise<string[]> {
  const { readdir, readlink } = await import('node:fs/promises');
  const fds = await readdir('/proc/self/fd');
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets;
}

describe('walFileSync', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('has nothing to sync before the first write, then syncs the WAL file the writes went to', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gatehouse-wal-'));
    const wal = walFileSync(join(folder, DATABASE_FILE_NAME));
    await expect(wal.sync()).resolves.toBeUndefined(); // no database yet: nothing to do, no error
    const db = openDatabase(folder);
    db.prepare('CREATE TABLE t (v TEXT)').run();
    db.prepare("INSERT INTO t VALUES ('x')").run();
    const walPath = `${join(folder, DATABASE_FILE_NAME)}-wal`;
    const handlesOnWal = async () => (await openFiles()).filter((path) => path === walPath).length;
    const sqliteOwn = await handlesOnWal(); // SQLite keeps its own handle on the WAL
    await expect(wal.sync()).resolves.toBeUndefined();
    // It really synced the WAL: one more handle on `<database>-wal` (Linux lists a process's open files in
    // /proc/self/fd), and back to SQLite's own after close.
    expect(await handlesOnWal()).toBe(sqliteOwn + 1);
    await wal.close();
    expect(await handlesOnWal()).toBe(sqliteOwn);
    db.close();
  });

  it('reports a WAL file that cannot be opened instead of pretending it was synced', async () => {
    folder = await mkdtemp(join(tmpdir(), 'gatehouse-wal-'));
    // A directory where the WAL file should be: opening it for writing fails with EISDIR.
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(folder, `${DATABASE_FILE_NAME}-wal`));
    const wal = walFileSync(join(folder, DATABASE_FILE_NAME));
    await expect(wal.sync()).rejects.toThrow();
  });
});
