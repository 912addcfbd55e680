import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP forwarder in front of a test server that counts token requests by grant type, so
 * tests can count what reached the server (e.g. single-flight refresh) without touching the server.
 */
export async function startCountingProxy(upstream: string): Promise<{
  url: string;
  grants: Map<string, number>;
  close(): Promise<void>;
}> {
  const target = new URL(upstream);
  const grants = new Map<string, number>();
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      if (incoming.url?.endsWith('/oauth/token')) {
        const grant = new URLSearchParams(body.toString()).get('grant_type') ?? '(none)';
        grants.set(grant, (grants.get(grant) ?? 0) + 1);
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
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
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
    close: () => new Promise((done) => server.close(() => done())),
  };
}
