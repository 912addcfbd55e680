import type { SessionChanged } from '../../common/ipc/session.schema';
import type { CredentialsEnded } from './credentials-ended';

export type SessionListener = (change: SessionChanged) => void;
export type CredentialsEndedListener = (ended: CredentialsEnded) => void;

/**
 * The session manager's two kinds of news, kept apart because their audiences differ: `changed` goes to
 * the window (through IPC), `credentialsEnded` to credentials held elsewhere in main (the admin step-up),
 * which must be told before the change is announced.
 */
export class SessionEvents {
  readonly #changeListeners = new Set<SessionListener>();
  readonly #endListeners = new Set<CredentialsEndedListener>();

  /** Subscribes; the returned function unsubscribes. */
  onChanged(listener: SessionListener): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** Subscribes; the returned function unsubscribes. */
  onCredentialsEnded(listener: CredentialsEndedListener): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  changed(change: SessionChanged): void {
    for (const listener of this.#changeListeners) listener(change);
  }

  credentialsEnded(ended: CredentialsEnded): void {
    for (const listener of this.#endListeners) listener(ended);
  }
}
