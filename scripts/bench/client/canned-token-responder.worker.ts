import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';

/**
 * The benchmark's stand-in for the authorization server, on its own thread so none of its work runs on
 * the thread being measured. It answers at once, the same way every time: the canned token response for
 * a POST to /oauth/token, 200 for /oauth/revoke (the sign-out between measured sign-ins).
 */
let tokenResponse = '';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const path = new URL(request.url ?? '/', 'http://responder').pathname;
    if (request.method === 'POST' && path === '/oauth/token' && tokenResponse !== '') {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(tokenResponse);
    } else if (request.method === 'POST' && path === '/oauth/revoke') {
      response.writeHead(200).end();
    } else {
      response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not_found"}');
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  parentPort?.postMessage({ port: (server.address() as AddressInfo).port });
});
parentPort?.on('message', (message: unknown) => {
  if (message === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  } else if (typeof message === 'string') {
    tokenResponse = message;
    parentPort?.postMessage('ready');
  }
});
