#!/usr/bin/env node
// Runs electronegativity once over main/, preload/ and renderer/ together (issue #10) and exits 1 on any
// finding of MEDIUM severity or higher. Works offline: the tool fetches translations and Electron's release
// list over the network on every run, so those two fetches are answered "offline" before it loads (the
// release-list check is also left out: it reports on the Electron version, which Renovate/CI track, not code).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const runnerPath = require.resolve('@doyensec/electronegativity');
const toolRequire = createRequire(runnerPath);

// Pre-load an offline `got` into the tool's module cache: every request fails at once, and the tool already
// falls back to its bundled en-US texts when the translation fetch fails.
const gotPath = toolRequire.resolve('got');
const offline = () => Promise.reject(new Error('offline: electronegativity runs without the network here'));
toolRequire.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: Object.assign(offline, { default: offline }),
};
const run = toolRequire(runnerPath);

const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const atLeastMedium = (issue) => severities.indexOf(String(issue.severity?.name ?? issue.severity).toUpperCase()) >= 2;

// One input folder holding the three source trees, so the global checks (CSP, navigation limits, permission
// handler) see main, preload and renderer together, as the packaged app does.
const scanRoot = mkdtempSync(join(tmpdir(), 'gatehouse-eng-'));
let exitCode;
try {
  for (const folder of ['main', 'preload', 'renderer'])
    cpSync(join(root, folder), join(scanRoot, folder), { recursive: true });
  cpSync(join(root, 'package.json'), join(scanRoot, 'package.json'));
  const { issues, errors } = await run({
    input: scanRoot,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    parserPlugins: [],
  });
  const serious = issues.filter(atLeastMedium);
  for (const issue of issues) {
    const severity = String(issue.severity?.name ?? issue.severity);
    console.log(
      `${severity.padEnd(13)} ${issue.id}  ${issue.file}:${issue.location?.line ?? '?'}  ${issue.description ?? ''}`,
    );
  }
  if (errors.length > 0) for (const error of errors) console.log(`parse error: ${error.file} ${error.message ?? ''}`);
  console.log(`electronegativity: ${issues.length} findings, ${serious.length} of medium or higher severity`);
  exitCode = serious.length === 0 ? 0 : 1;
} finally {
  rmSync(scanRoot, { recursive: true, force: true });
}
process.exit(exitCode);
