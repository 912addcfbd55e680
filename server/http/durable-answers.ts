import type { FastifyInstance } from 'fastify';
import { renderManagementError } from '../management/error-renderer';
import { mgmtErrors } from '../management/errors';
import { authErrors } from '../errors/catalogue';
import { noStoreHeaders, renderError } from '../errors/error-renderer';

/** What the hook needs: a promise that the writes committed so far are on disk. */
export interface CommitBarrier {
  afterCommits(): Promise<void>;
}

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Holds every answer to a request that may have written (any method but GET, HEAD and OPTIONS) until the
 * database's commits are on disk (storage/durability-barrier.ts). A token is never handed out, nor a
 * change confirmed, before it would survive a power cut. If the disk refuses, the answer becomes a 503 in
 * the API's own error shape: the client must not rely on what it was about to be told.
 */
export function installDurableAnswers(app: FastifyInstance, barrier: CommitBarrier): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (readOnlyMethods.has(request.method) || reply.statusCode >= 500) return payload;
    try {
      await barrier.afterCommits();
      return payload;
    } catch (error) {
      request.log.error({ err: error }, 'the database could not sync its commits to disk');
      const isManagement = request.url.startsWith('/api/v2/');
      const rendered = isManagement
        ? renderManagementError(mgmtErrors.unavailable())
        : renderError(authErrors.storageUnavailable());
      void reply.code(rendered.status).headers(noStoreHeaders).type('application/json; charset=utf-8');
      return JSON.stringify(rendered.body);
    }
  });
}
