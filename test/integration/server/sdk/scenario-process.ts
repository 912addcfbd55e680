import { join } from 'node:path';
import { demo } from '../../../support/server/demo-tenant';
import { runProcess } from '../../../support/run-process';
import type { TlsTestServer } from './tls-test-server';

const scenarios = join(import.meta.dirname, 'scenarios');
const RESULT_PREFIX = 'SCENARIO_RESULT ';

/** What a scenario printed: its steps and whatever else the script adds. */
export type ScenarioResult = Record<string, unknown>;

/**
 * Runs `scenarios/<script>` in a fresh Node process that trusts the test CA the standard way,
 * NODE_EXTRA_CA_CERTS, and knows only the server's domain and the demo tenant's client credentials.
 * Resolves with the JSON the script printed after `SCENARIO_RESULT `.
 */
export async function runScenario(
  server: TlsTestServer,
  script: string,
  args: readonly string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<ScenarioResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: server.caFile,
    SDK_DOMAIN: server.domain,
    API_AUDIENCE: demo.audience,
    M2M_CLIENT_ID: demo.clients.adminM2m.clientId,
    M2M_CLIENT_SECRET: demo.clients.adminM2m.secret,
    BACKEND_CLIENT_ID: demo.clients.backend.clientId,
    BACKEND_CLIENT_SECRET: demo.clients.backend.secret,
    // The Deploy CLI colours its log lines; plain text keeps failures readable.
    NO_COLOR: '1',
    ...extraEnv,
  };
  const outcome = await runProcess(process.execPath, [join(scenarios, script), ...args], { env });
  const line = outcome.stdout.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
  if (outcome.code !== 0 || line === undefined) {
    throw new Error(
      `scenario ${script} exited with ${outcome.code}\n${outcome.stdout.slice(-4000)}\n${outcome.stderr.slice(-4000)}`,
    );
  }
  const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as ScenarioResult;
  if ('crashed' in result) throw new Error(`scenario ${script} crashed: ${JSON.stringify(result)}`);
  return result;
}

/** One recorded step, as scenarios/harness.mjs writes it. */
export type Step = { ok: true; [fact: string]: unknown } | { ok: false; error: StepError };

/** An SDK error as the harness describes it. */
export interface StepError {
  readonly type: string;
  readonly statusCode: number | null;
  readonly message: string;
  readonly body?: unknown;
}

/** The named steps of a result; a missing step is a test failure with the step's name in it. */
export function stepsOf(result: ScenarioResult): (name: string) => Step {
  const steps = (result['steps'] ?? {}) as Record<string, Step>;
  return (name) => {
    const step = steps[name];
    if (step === undefined) throw new Error(`the scenario recorded no step "${name}"`);
    return step;
  };
}
