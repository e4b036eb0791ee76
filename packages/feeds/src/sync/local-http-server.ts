import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a test saw it. */
export interface SeenRequest {
  path: string;
  /** Path with the query string. */
  url: string;
  headers: IncomingMessage['headers'];
}

/** A node:http server on 127.0.0.1, port 0, for tests of the fetcher and the sync (no real network). */
export interface LocalHttpServer {
  baseUrl: string;
  requests: SeenRequest[];
  hits(path: string): number;
  close(): Promise<void>;
}

export type LocalHandler = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

/**
 * Starts a server that hands each request to `handle` with the 1-based count of requests to that
 * path so far (for "fail twice, then succeed" scripts).
 *
 * @example
 * const srv = await startLocalHttpServer((req, res) => res.end('ok'));
 */
export async function startLocalHttpServer(handle: LocalHandler): Promise<LocalHttpServer> {
  const requests: SeenRequest[] = [];
  const count = (path: string): number => requests.filter((r) => r.path === path).length;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, url: req.url ?? '/', headers: req.headers });
    Promise.resolve(handle(req, res, count(path))).catch((e: unknown) => {
      res.statusCode = 599;
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    hits: count,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
