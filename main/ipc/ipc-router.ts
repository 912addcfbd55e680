import type { z } from 'zod';
import { appError, type AppResult } from '../../common/errors/app-error';
import type { ChannelSpec } from '../../common/ipc/channel';
import { listChannels, type IpcContract } from '../../common/ipc/contract';
import { err, ok } from '../../common/result';
import { createLogger, type Logger } from '../logging/logger';

/** Who sent an IPC message, as Electron (or the e2e bridge) describes it. No Electron types here. */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  readonly frameUrl: string;
  /** False for sub-frames: only our top-level document may call in. */
  readonly isMainFrame: boolean;
}

/** One service function per channel, typed from the contract. Handlers hold no logic. */
export type IpcHandlers = {
  readonly [D in keyof IpcContract]: {
    readonly [V in keyof IpcContract[D]]: IpcContract[D][V] extends ChannelSpec<string, infer In, infer Out>
      ? (input: z.output<In>) => Promise<AppResult<z.input<Out>>>
      : never;
  };
};

export interface IpcRouter {
  readonly channelIds: readonly string[];
  /** Never rejects: every outcome, including a refused sender or a bug, is a Result. */
  handle(channelId: string, sender: SenderInfo, payload: unknown): Promise<AppResult<unknown>>;
}

type AnyHandler = (input: unknown) => Promise<AppResult<unknown>>;

/**
 * The four steps of every IPC call: check the sender, parse the input, call the service, and parse the
 * output. Parsing the output with the contract's schema also strips any field the schema does not name,
 * so a token that slipped into a service result still cannot reach the window.
 */
export function createIpcRouter(
  handlers: IpcHandlers,
  isTrustedSender: (sender: SenderInfo) => boolean,
  logger: Logger = createLogger('ipc'),
): IpcRouter {
  const routes = new Map<string, { spec: ChannelSpec<string, z.ZodType, z.ZodType>; run: AnyHandler }>();
  for (const { domain, verb, spec } of listChannels()) {
    const domainHandlers = (handlers as unknown as Record<string, Record<string, AnyHandler>>)[domain];
    const run = domainHandlers?.[verb];
    if (run === undefined) throw new Error(`No handler for IPC channel ${spec.id}`);
    routes.set(spec.id, { spec, run });
  }

  return {
    channelIds: [...routes.keys()],
    async handle(channelId, sender, payload) {
      const route = routes.get(channelId);
      if (route === undefined) return err(appError('invalid_input', `Unknown channel ${channelId}.`));
      if (!isTrustedSender(sender)) {
        logger.warn('IPC from an untrusted sender refused', { channel: channelId, frameUrl: sender.frameUrl });
        return err(appError('forbidden_sender', 'This request did not come from the Gatehouse window.'));
      }
      const input = route.spec.input.safeParse(payload);
      if (!input.success) {
        return err(
          appError('invalid_input', input.error.issues[0]?.message ?? 'The request was not valid.', {
            detail: { error: 'invalid_input', errorDescription: summarizeIssues(input.error) },
          }),
        );
      }
      try {
        const result = await route.run(input.data);
        if (!result.ok) return result;
        const output = route.spec.output.safeParse(result.value);
        if (!output.success) return err(appError('internal', 'Gatehouse produced an answer it could not send.'));
        return ok(output.data);
      } catch (cause) {
        // The one catch at this boundary: a bug becomes a value, never an Error object across IPC.
        logger.error('IPC handler failed', {
          channel: channelId,
          cause: cause instanceof Error ? cause.message : String(cause),
        });
        return err(appError('internal', 'Something went wrong inside Gatehouse.', { nextStep: 'Try again.' }));
      }
    },
  };
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ');
}

/** Trusts the top-level frame of our own origin only (`app://gatehouse` in the app, a test origin in e2e). */
export function trustOrigin(allowedOrigin: string): (sender: SenderInfo) => boolean {
  return (sender) => {
    if (!sender.isMainFrame) return false;
    try {
      const url = new URL(sender.frameUrl);
      // Custom schemes have an opaque `origin` ("null"), so compare protocol and host ourselves.
      return `${url.protocol}//${url.host}` === allowedOrigin;
    } catch {
      return false;
    }
  };
}
