import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

export interface CannedResponder {
  /** `http://127.0.0.1:<port>/`, an Auth0-style issuer. */
  readonly issuer: string;
  /** Sets the token endpoint's answer (it names the issuer, known only once the responder listens). */
  answerWith(tokenResponse: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the canned token endpoint (canned-token-responder.worker.ts) on a worker thread. The worker
 * inherits this process's `--import tsx`, so it runs from TypeScript like the rest of the bench.
 */
export async function startCannedResponder(): Promise<CannedResponder> {
  const worker = new Worker(new URL('./canned-token-responder.worker.ts', import.meta.url));
  const [ready] = (await once(worker, 'message')) as [{ port: number }];
  return {
    issuer: `http://127.0.0.1:${ready.port}/`,
    answerWith: async (tokenResponse) => {
      worker.postMessage(tokenResponse);
      await once(worker, 'message');
    },
    close: async () => {
      worker.postMessage('close');
      await once(worker, 'exit');
    },
  };
}
