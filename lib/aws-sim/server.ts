import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { adapt, type SimRequest, type SimResponse } from './http';

/**
 * One TCP port serving both HTTP/1.1 and HTTP/2 with prior knowledge (h2c): the Bedrock runtime
 * client speaks h2c by default, the CloudWatch client and `fetch` speak HTTP/1.1. The first bytes
 * of each connection decide: the HTTP/2 connection preface goes to a node:http2 server, anything
 * else to a node:http server.
 */

export type Handler = (request: SimRequest, response: SimResponse) => Promise<void>;

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export interface DualServer {
  port: number;
  close(): Promise<void>;
}

export async function listenDual(handler: Handler, opts: { port: number; host: string; stopSignal: AbortSignal }): Promise<DualServer> {
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.Http2Session>();

  const onRequest = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => {
    void (async () => {
      const adapted = await adapt(req, res, opts.stopSignal);
      if ('tooLarge' in adapted) {
        adapted.tooLarge.send(413, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Request body too large.' }));
        return;
      }
      await handler(adapted.request, adapted.response);
    })().catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalServerException' });
        res.end(JSON.stringify({ message: `Local AWS stand-in failed: ${(err as Error).message}` }));
      } else if (!res.destroyed) {
        res.destroy();
      }
    });
  };

  const h1 = http.createServer({ keepAliveTimeout: 5_000 }, onRequest);
  const h2 = http2.createServer({}, onRequest);
  h2.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const n = Math.min(seen.length, PREFACE.length);
      const isH2 = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
      if (isH2 && n < PREFACE.length) return; // need more bytes to decide
      socket.off('data', onData);
      socket.pause();
      if (isH2) {
        // node:http2 reads bytes already buffered on the socket when it takes it over.
        socket.unshift(seen);
        h2.emit('connection', socket);
      } else {
        // node:http's parser consumes the socket handle directly, so replay what was read.
        h1.emit('connection', socket);
        socket.emit('data', seen);
        socket.resume();
      }
    };
    socket.on('data', onData);
  });

  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(opts.port, opts.host, () => {
      tcp.off('error', reject);
      resolve();
    });
  });
  const address = tcp.address();
  if (!address || typeof address === 'string') throw new Error('Local AWS stand-in: no TCP address after listen.');

  return {
    port: address.port,
    async close() {
      const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
      for (const s of sessions) s.destroy();
      for (const s of sockets) s.destroy();
      h1.closeAllConnections();
      await closed;
    },
  };
}
