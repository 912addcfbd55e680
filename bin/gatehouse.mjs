#!/usr/bin/env node
// The `gatehouse` command from a clone (`npx gatehouse …`). The CLI is TypeScript run through tsx's loader
// (a devDependency: fine in a clone; the installed app runs the same CLI inside Electron instead).
//
// The Node check comes first and uses nothing but `process`: keytar is built for Node 24's ABI (the one
// Electron 45 embeds), and loading it under another Node crashes the process with a segmentation fault
// before any error handler can run. So on another major we say what to do in one line and exit 2.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  process.stderr.write(
    `gatehouse: needs Node 24 (this is Node ${process.versions.node}); run it as scripts/with-node24 npx gatehouse …\n`,
  );
  process.exit(2);
}

const { register } = await import('tsx/esm/api');
register();
await import('../main/cli/index.ts');
