import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

const requestStart = 'http.client.request.start';
const responseFinish = 'http.client.response.finish';

/**
 * Times the HTTP round trips as Node's HTTP client sees them, from node:diagnostics_channel: from the moment
 * the request has been handed to the socket (`http.client.request.start`, which Node publishes when the
 * request finishes writing) to the response's last byte (its `end` event). Wall time and this thread's CPU
 * time inside those windows are summed, so a caller can subtract them from a larger measurement.
 * Everything before (axios's config merging and interceptors, building and writing the request) and after
 * (axios's resolve, parsing) stays outside, so it counts as the client's own time: a conservative split.
 */
export class HttpWindows {
  count = 0;
  wallMs = 0;
  cpuMs = 0;
  readonly #started = new WeakMap<ClientRequest, { wall: number; cpu: NodeJS.CpuUsage }>();

  readonly #onStart = (message: unknown): void => {
    const request = requestOf(message);
    if (request === undefined) return;
    this.#started.set(request, { wall: performance.now(), cpu: process.threadCpuUsage() });
  };

  readonly #onResponse = (message: unknown): void => {
    const request = requestOf(message);
    const response = responseOf(message);
    const start = request === undefined ? undefined : this.#started.get(request);
    if (response === undefined || start === undefined) return;
    response.once('end', () => {
      const cpu = process.threadCpuUsage(start.cpu);
      this.wallMs += performance.now() - start.wall;
      this.cpuMs += (cpu.user + cpu.system) / 1000;
      this.count += 1;
    });
  };

  constructor() {
    subscribe(requestStart, this.#onStart);
    subscribe(responseFinish, this.#onResponse);
  }

  reset(): void {
    this.count = 0;
    this.wallMs = 0;
    this.cpuMs = 0;
  }

  close(): void {
    unsubscribe(requestStart, this.#onStart);
    unsubscribe(responseFinish, this.#onResponse);
  }
}

// The channels' messages are documented (https://nodejs.org/api/diagnostics_channel.html#http) but typed
// `unknown`; these read the two members used.
function requestOf(message: unknown): ClientRequest | undefined {
  const request: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'request') : null;
  return typeof request === 'object' && request !== null ? (request as ClientRequest) : undefined;
}

function responseOf(message: unknown): IncomingMessage | undefined {
  const response: unknown = typeof message === 'object' && message !== null ? Reflect.get(message, 'response') : null;
  return typeof response === 'object' && response !== null ? (response as IncomingMessage) : undefined;
}
