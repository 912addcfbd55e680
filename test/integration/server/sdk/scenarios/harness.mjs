// The child-process side of the SDK tests. A scenario runs real SDK calls against the reference server,
// records what each call returned (or threw), and prints one `SCENARIO_RESULT <json>` line, which the
// Vitest file parses and asserts on. Nothing here touches TLS: the test CA is trusted only through
// NODE_EXTRA_CA_CERTS, which Node reads at start-up.
import { Buffer } from 'node:buffer';

/** The line prefix the test looks for; SDK or CLI logging on stdout is ignored around it. */
export const RESULT_PREFIX = 'SCENARIO_RESULT ';

/** A required environment variable. */
export function requireEnv(name) {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

/** The parts of an error the tests assert on, for every error class the SDKs and the CLI throw. */
export function describeError(error) {
  const described = {
    type: error?.constructor?.name ?? typeof error,
    statusCode: error?.statusCode ?? null,
    message: typeof error?.message === 'string' ? error.message.split('\n')[0] : String(error),
  };
  const body = parseBody(error?.body);
  if (body !== undefined) described.body = body;
  if (error?.cause?.code !== undefined) described.cause = error.cause.code;
  return described;
}

function parseBody(body) {
  if (typeof body !== 'string') return body ?? undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Records named steps in order. `step(name, work)` awaits `work()`, keeps what `pick` makes of its value,
 * and keeps the error instead when it throws; a failed step never stops the scenario, so one wire
 * difference shows up as one failed assertion rather than as a crash.
 */
export function createRecorder() {
  const steps = {};
  return {
    steps,
    async step(name, work, pick = (value) => value) {
      try {
        const value = await work();
        steps[name] = { ok: true, ...pick(value) };
        return value;
      } catch (error) {
        steps[name] = { ok: false, error: describeError(error) };
        return undefined;
      }
    },
  };
}

/** Decodes a JWT's payload (the SDK already verified ID tokens; this only reads claims). */
export function claimsOf(jwt) {
  if (typeof jwt !== 'string') return null;
  const payload = jwt.split('.')[1];
  return payload === undefined ? null : JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** Prints the result line and exits once it is written (SDK keep-alive sockets would hold the process). */
export function finish(result) {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`, () => process.exit(0));
}

/** Runs `main`, reporting a crash of the scenario itself as a result the test can show. */
export function runScenario(main) {
  main().then(finish, (error) => finish({ crashed: describeError(error), stack: String(error?.stack ?? '') }));
}
