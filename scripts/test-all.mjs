#!/usr/bin/env node
// `npm test`: every layer, in order — lint, type-check, unit, component, integration, e2e — then one table of counts
// and a closing `tests: N passed, N failed` line. Every layer runs even when an earlier one fails, so one
// CI run shows everything that is wrong. `npm test -- --only unit,e2e` runs a subset while developing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const wanted = values.only?.split(',').map((name) => name.trim());

function run(command, args, label) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const outcome = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return outcome.status === 0;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const keyring = join(root, 'scripts', 'with-keyring');

function vitestLayer(name, { prefix = [], before } = {}) {
  return () => {
    const report = join(results, `${name}.json`);
    rmSync(report, { force: true });
    const prepared = before ? before() : true;
    const passed =
      prepared &&
      run(
        prefix[0] ?? bin('vitest'),
        [
          ...prefix.slice(1),
          ...(prefix.length ? [bin('vitest')] : []),
          'run',
          '--project',
          name,
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
        ],
        name,
      );
    if (!existsSync(report))
      return {
        passed: false,
        summary: prepared ? 'no report (crashed?)' : 'build failed',
        tests: { passed: 0, failed: 1 },
      };
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const tests = {
      passed: json.numPassedTests,
      failed: json.numFailedTests + (json.numRuntimeErrors ?? 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
    const files = json.testResults.length;
    return {
      passed: passed && tests.failed === 0,
      summary: `${tests.passed} passed, ${tests.failed} failed in ${files} files`,
      tests,
    };
  };
}

// Built once per `npm test`: packaging, electron and e2e all read out/.
let built;
const buildApp = () => (built ??= run(bin('electron-vite'), ['build'], 'build the app'));

const layers = [
  [
    'lint',
    () => {
      const report = join(results, 'eslint.json');
      const eslintOk = run(
        bin('eslint'),
        ['--max-warnings=0', '--format', 'json', '--output-file', report, '.'],
        'eslint',
      );
      const files = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : [];
      const problems = files.reduce((sum, file) => sum + file.errorCount + file.warningCount, 0);
      if (!eslintOk) run(bin('eslint'), ['--max-warnings=0', '.'], 'eslint (readable)');
      const prettierOk = run(bin('prettier'), ['--check', '--log-level=warn', '.'], 'prettier');
      // GitHub workflows, against GitHub's own schema (offline: the validator is WebAssembly in node_modules).
      const workflowDir = join(root, '.github', 'workflows');
      const workflows = existsSync(workflowDir) ? readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name)) : [];
      const workflowsOk = workflows.every((name) =>
        run(bin('action-validator'), [join('.github', 'workflows', name)], `action-validator ${name}`),
      );
      return {
        passed: eslintOk && prettierOk && workflowsOk,
        summary: `${files.length} files, ${problems} problems; prettier ${prettierOk ? 'clean' : 'found unformatted files'}; ${workflows.length} workflows ${workflowsOk ? 'valid' : 'INVALID'}`,
      };
    },
  ],
  // Electron security lint over main/, preload/ and renderer/ together (offline): any medium+ finding fails.
  [
    'electronegativity',
    () => {
      const passed = run(process.execPath, [join(root, 'scripts', 'electronegativity.mjs')], 'electronegativity');
      return { passed, summary: passed ? 'no finding of medium or higher severity' : 'medium or higher findings' };
    },
  ],
  [
    'typecheck',
    () => {
      const projects = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).references.length;
      const passed = run(bin('tsc'), ['--build', '--pretty'], 'typecheck');
      return { passed, summary: `${projects} projects, strict` };
    },
  ],
  ['unit', vitestLayer('unit')],
  ['component', vitestLayer('component')],
  ['integration', vitestLayer('integration', { prefix: [keyring] })],
  // What ships: the dependency split and app.asar, packed by electron-builder around a stand-in Electron.
  ['packaging', vitestLayer('packaging', { before: buildApp })],
  // The real app, where an Electron binary exists. Elsewhere its one test is skipped: shown as "not run",
  // never added to the passed count.
  [
    'electron',
    () => {
      const outcome = vitestLayer('electron', { prefix: [keyring], before: buildApp })();
      const tests = outcome.tests ?? { passed: 0, failed: 0, skipped: 0 };
      if (tests.passed === 0 && tests.failed === 0 && tests.skipped > 0)
        return { ...outcome, notRun: true, summary: 'not run: no Electron binary' };
      return outcome;
    },
  ],
  ['e2e', vitestLayer('e2e', { prefix: [keyring], before: buildApp })],
];

const outcomes = [];
for (const [name, layer] of layers) {
  if (wanted && !wanted.includes(name)) continue;
  const started = Date.now();
  const outcome = layer();
  outcomes.push({ name, ...outcome, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

const pad = (text, width) => String(text).padEnd(width);
console.log('\nGatehouse test summary');
console.log(`${pad('layer', 19)}${pad('result', 8)}${pad('time', 9)}details`);
for (const outcome of outcomes) {
  console.log(
    `${pad(outcome.name, 19)}${pad(outcome.notRun ? 'not run' : outcome.passed ? 'ok' : 'FAILED', 8)}${pad(`${outcome.seconds}s`, 9)}${outcome.summary}`,
  );
}
const totals = outcomes.reduce(
  (sum, outcome) => ({
    passed: sum.passed + (outcome.tests?.passed ?? 0),
    failed: sum.failed + (outcome.tests?.failed ?? 0),
  }),
  { passed: 0, failed: 0 },
);
const layersFailed = outcomes.filter((outcome) => !outcome.passed).length;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(layersFailed === 0 ? 0 : 1);
