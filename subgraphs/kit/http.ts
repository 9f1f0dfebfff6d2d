import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { randomUUID } from "node:crypto";
import { SHUTDOWN_GRACE_MS } from "./lifecycle";
import type { Logger } from "./log";
import { type Clock, withClock } from "./clock";

/** How long a server keeps an idle keep-alive connection (Node's default is 5 s). */
export const KEEP_ALIVE_MS = 65_000;

/** A route served beside GraphQL (health, the playground): return false to fall through. */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface HttpOptions<C extends BaseContext> {
  port: number;
  host: string;
  /** Requests whose body is larger are refused with 413 before any parsing. */
  maxBodyBytes?: number;
  /** The request's context; `requestId` is the caller's `x-request-id` or a new one; `body` the bytes received. */
  context: (req: IncomingMessage, requestId: string, body: Buffer) => Promise<C>;
  routes?: Route[];
  /** One line per request (id, path, status, time) and every failure. */
  log: Logger;
  /** Serve HTTPS with this PEM certificate and key (TLS_CERT_FILE, TLS_KEY_FILE); else plain HTTP. */
  tls?: { certFile: string; keyFile: string };
  /** The clock every request is handled with (a subgraph's: its HUB_TIME_ZONE; kit/clock.ts). */
  clock?: Clock;
}

/** `x-request-id` as given (a gateway passes its own on), else a new one; only safe characters. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

export interface Listening {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) throw new HttpError(413, `request body larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/**
 * Serves an Apollo Server on node:http at /graphql, plus extra routes: the one HTTP layer the
 * gateway and every subgraph share (Apollo's standalone server has no room for /health).
 */
export async function serveApollo<C extends BaseContext>(apollo: ApolloServer<C>, options: HttpOptions<C>): Promise<Listening> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const handle = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    for (const route of options.routes ?? []) if (await route(req, res)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/graphql") return sendJson(res, 404, { error: "not found: GraphQL is at /graphql" });

    const bytes = await readBody(req, maxBodyBytes);
    const raw = bytes.toString("utf8");
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown = raw;
    if (raw !== "" && (headers.get("content-type") ?? "").includes("json")) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, "request body is not valid JSON");
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => options.context(req, requestId, bytes),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") return void res.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const listener: RequestListener = (req, res) => {
    const requestId = requestIdOf(req);
    const started = performance.now();
    res.setHeader("x-request-id", requestId);
    res.on("finish", () =>
      options.log.info(
        { requestId, method: req.method, path: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) },
        "request",
      ),
    );
    const handled = options.clock ? withClock(options.clock, () => handle(req, res, requestId)) : handle(req, res, requestId);
    handled.catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) options.log.error({ err: error, requestId }, "request failed");
      const message = error instanceof HttpError ? error.message : "internal server error";
      // The rest of a refused body is never read: close the connection after the answer, or the
      // client's next request on it would be read from the middle of this one's body.
      if (status === 413) res.setHeader("connection", "close");
      if (!res.headersSent) sendJson(res, status, { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
      else res.end();
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile), minVersion: "TLSv1.2" }, listener)
    : createServer(listener);
  // Idle keep-alive connections stay open longer than any client of the hub keeps them (the
  // gateway's: 4 s, gateway/subgraph-client.ts), so it is always the client that closes an idle
  // one, and no request is written to a socket the server has just closed (issue 11's ECONNRESET).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${options.port} on ${options.host} is in use by another program`) : error),
    );
    server.listen(options.port, options.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `${options.tls ? "https" : "http"}://${options.host}:${port}/graphql`,
    // Stops accepting at once, lets requests in flight finish for up to SHUTDOWN_GRACE_MS, then
    // cuts what is left; idle keep-alive connections are closed straight away.
    close: () =>
      new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** `GET /health` answering what `check` returns (503 when it throws). */
export function healthRoute(check: () => Promise<Record<string, unknown>>): Route {
  return async (req, res) => {
    if (req.method !== "GET" || new URL(req.url ?? "/", "http://localhost").pathname !== "/health") return false;
    try {
      sendJson(res, 200, { status: "ok", ...(await check()) });
    } catch (error) {
      sendJson(res, 503, { status: "unavailable", reason: (error as Error).message });
    }
    return true;
  };
}
