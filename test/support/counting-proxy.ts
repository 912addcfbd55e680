import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A token answer held back by the proxy: the server has answered (and rotated), the client has not heard. */
export interface HeldAnswer {
  /** Resolves once the server's answer has arrived at the proxy and is being held. */
  readonly reached: Promise<void>;
  /** Lets the held answer through to the client. */
  release(): void;
}

/**
 * A pass-through HTTP forwarder in front of a test server that counts token requests by grant type, so
 * tests can count what reached the server (e.g. single-flight refresh) without touching the server.
 * `holdNext(grant)` keeps the server's answer to the next such grant from the client until released.
 */
export async function startCountingProxy(upstream: string): Promise<{
  url: string;
  grants: Map<string, number>;
  holdNext(grant: string): HeldAnswer;
  close(): Promise<void>;
}> {
  const target = new URL(upstream);
  const grants = new Map<string, number>();
  const holds = new Map<string, { arrived(): void; released: Promise<void> }>();
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      let hold: { arrived(): void; released: Promise<void> } | undefined;
      if (incoming.url?.endsWith('/oauth/token')) {
        const grant = new URLSearchParams(body.toString()).get('grant_type') ?? '(none)';
        grants.set(grant, (grants.get(grant) ?? 0) + 1);
        hold = holds.get(grant);
        holds.delete(grant);
      }
      const forwarded = request(
        {
          host: target.hostname,
          port: target.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: target.host },
        },
        (answer) => {
          const pass = () => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          };
          if (hold === undefined) return pass();
          answer.pause();
          hold.arrived();
          void hold.released.then(pass);
        },
      );
      forwarded.on('error', () => outgoing.writeHead(502).end());
      forwarded.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    grants,
    holdNext(grant) {
      let arrived: () => void = () => undefined;
      let release: () => void = () => undefined;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.set(grant, { arrived, released });
      return { reached, release };
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
