import type { Logger } from '../logging/logger';

export type FailureKind = 'load-failed' | 'renderer-gone' | 'unresponsive';

export interface FailureWords {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
}

/** Plain words for each way the window can fail, with the next step (the two buttons) in the text. */
export function failureWords(kind: FailureKind, detail: string): FailureWords {
  switch (kind) {
    case 'load-failed':
      return {
        title: 'Gatehouse could not open its window',
        message: 'The Gatehouse window did not load.',
        detail: `Choose Reload to try again, or Quit. If it keeps happening, reinstall Gatehouse.\n\n${detail}`,
      };
    case 'renderer-gone':
      return {
        title: 'The Gatehouse window stopped',
        message: 'The Gatehouse window stopped unexpectedly. You are still signed in.',
        detail: `Choose Reload to open it again, or Quit.\n\n${detail}`,
      };
    case 'unresponsive':
      return {
        title: 'Gatehouse is not responding',
        message: 'The Gatehouse window is not responding.',
        detail: `Choose Reload to restart the window (you stay signed in), or Quit.\n\n${detail}`,
      };
  }
}

/** The choice the user made in the failure dialog. */
export type FailureChoice = 'reload' | 'quit';

export interface FailureHandling {
  /** Shows the error visibly (a dialog) and resolves with the user's choice. */
  ask(words: FailureWords): Promise<FailureChoice>;
  reload(kind: FailureKind): void;
  quit(): void;
  logger: Logger;
}

/**
 * Turns a window failure into a visible question with Reload and Quit, never a hidden process: a failed
 * first load otherwise leaves an invisible window that holds the single-instance lock, so every relaunch
 * exits. One question at a time: a second failure while it is open is logged, not stacked.
 */
export function failureReporter(handling: FailureHandling): (kind: FailureKind, detail: string) => void {
  let asking = false;
  return (kind, detail) => {
    handling.logger.error('Window failure', { kind, detail });
    if (asking) return;
    asking = true;
    void handling
      .ask(failureWords(kind, detail))
      .then((choice) => (choice === 'reload' ? handling.reload(kind) : handling.quit()))
      .finally(() => (asking = false));
  };
}
