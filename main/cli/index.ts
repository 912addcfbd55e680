import { runCli } from './run-cli';

// Entry point of the `gatehouse` command (bin/gatehouse.mjs loads this through tsx).
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
