/**
 * Main's one logger factory: structured lines (message plus fields) with redaction built in. Redaction is
 * the logger's job, not the caller's: any field named like a credential is masked, and so is anything in a
 * message or value that looks like a JWT or an Auth0 refresh token.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogSink = (line: string) => void;

const stderrSink: LogSink = (line) => process.stderr.write(`${line}\n`);
let defaultSink: LogSink = stderrSink;

/**
 * Points every logger that was not given its own sink at `sink` (the app's log file at start-up): a
 * packaged GUI app has no stderr anyone reads. Loggers created earlier follow too.
 */
export function routeLogs(sink: LogSink, alsoStderr: boolean): void {
  defaultSink = alsoStderr
    ? (line) => {
        sink(line);
        stderrSink(line);
      }
    : sink;
}

const secretFieldName = /(token|password|secret|authorization|cookie|mfa_?token|otp|recovery_?code|binding_?code)/i;
const jwtLike = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const refreshTokenLike = /\bv1\.[A-Za-z0-9_-]{16,}/g;
const bearerLike = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;

export function redactText(text: string): string {
  return text
    .replace(jwtLike, '[jwt]')
    .replace(refreshTokenLike, '[refresh-token]')
    .replace(bearerLike, '$1 [redacted]');
}

export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      secretFieldName.test(key) ? '[redacted]' : redactFields(item, depth + 1),
    ]),
  );
}

/** A logger writing one JSON line per event to `sink` (by default where `routeLogs` points; stderr until then). */
export function createLogger(scope: string, sink: LogSink = (line) => defaultSink(line)): Logger {
  const write = (level: string, message: string, fields: Record<string, unknown> = {}) =>
    sink(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        scope,
        message: redactText(message),
        ...(redactFields(fields) as Record<string, unknown>),
      }),
    );
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
