import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passwordRealmLoad, refreshLoad } from './scenarios';
const dataDir = await mkdtemp(join(tmpdir(), 'gh-cpu-'));
const child = spawn(process.execPath, [...(process.env['PROF'] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/ghprof'] : []), '--import', 'tsx', 'server/cli.ts', '--port', '0', '--data', dataDir, '--seed', 'demo', '--log-level', process.env['LEVEL'] ?? 'info'], { stdio: ['ignore', 'pipe', 'ignore'] });
const url = await new Promise<string>((ok) => child.stdout.on('data', (c: Buffer) => { const m = /listening on (\S+)/.exec(c.toString()); if (m?.[1]) ok(m[1]); }));
if (process.env['NO_RULES']) { const db = new Database(join(dataDir, 'gatehouse.sqlite')); db.prepare('UPDATE rules SET enabled = 0').run(); db.close(); }
const cpu = async () => { const f = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const which = process.env['WHICH'] ?? 'login,refresh';
for (const [name, run] of [['login', () => passwordRealmLoad(url, 8, 6)], ['refresh', () => refreshLoad(url, 64, 8)]] as const) {
  if (!which.includes(name)) continue;
  const before = await cpu(); const r = await run(); const used = (await cpu()) - before;
  console.log(name, 'rps', r.requestsPerSecond.toFixed(0), 'p99', r.p99Ms, 'non2xx', r.non2xx, 'cpu ms/req', (used / r.total).toFixed(2));
}
child.kill('SIGTERM'); await once(child, 'exit');
