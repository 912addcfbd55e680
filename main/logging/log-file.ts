import log from 'electron-log/node';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText, type LogSink } from './logger';

export interface FileLog {
  /** Writes one (already structured) line; redacted again here, so nothing unredacted reaches the disk. */
  readonly sink: LogSink;
  /** The current log file. */
  readonly path: string;
  /** The last `count` lines across the rotated and the current file, oldest first, redacted. */
  tail(count: number): string[];
}

/** One megabyte per file, plus one rotated file (`main.old.log`): enough for support, never a disk filler. */
export const logFileMaxBytes = 1024 * 1024;

/**
 * The main process's log file, written through electron-log's file transport (its node entry: the
 * `electron-log/main` entry registers IPC channels of its own, and nothing but the contract may). The file
 * lives in the app's log folder (`app.getPath('logs')`); past `maxBytes` it is renamed to `main.old.log`,
 * replacing the previous one.
 */
export function createFileLog(directory: string, maxBytes: number = logFileMaxBytes): FileLog {
  const path = join(directory, 'main.log');
  const writer = log.create({ logId: `gatehouse:${path}` });
  // File only: no console copy (routeLogs tees to stderr in development), no remote, no IPC (absent in Node).
  for (const [name, transport] of Object.entries(writer.transports)) {
    if (name !== 'file' && transport !== undefined && transport !== null) transport.level = false;
  }
  writer.transports.file.level = 'info';
  writer.transports.file.resolvePathFn = () => path;
  writer.transports.file.maxSize = maxBytes;
  writer.transports.file.format = '{text}';
  return {
    sink: (line) => writer.info(redactText(line)),
    path,
    tail: (count) => {
      const lines = [join(directory, 'main.old.log'), path].flatMap(readLines);
      return lines.slice(Math.max(0, lines.length - count)).map(redactText);
    },
  };
}

function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
}
