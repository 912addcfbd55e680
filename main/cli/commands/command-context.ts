import type { CliServices } from '../cli-services';

/** What every command gets: the services (built once per run, lazily) and the process streams. */
export interface CommandContext {
  services(): Promise<CliServices>;
}
