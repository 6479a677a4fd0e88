import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded default: PGlite served over the Postgres wire protocol on a local port, so the app
// uses the same adapter-pg path as with a real server. PGlite is single-process: only the launcher
// opens the data directory; every other consumer connects through the socket.

const MAX_CONNECTIONS = 100;

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  // Every process holds several connections (Prisma's pool, pg-boss, the queue's LISTEN client);
  // the server refuses any beyond maxConnections, so leave room. They share one queue anyway.
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
  keepExtendedQueriesWhole(server);
  await server.start();
  const address = server.getServerConn();
  const actualPort = Number(String(address).split(":").pop());
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
};
type QueryQueue = { queue: QueuedMessage[]; lastHandlerId: number | null; processing: boolean; db: PGlite; processQueue(): Promise<void> };

/**
 * pglite-socket 0.2.17 runs the protocol messages of all connections through one queue, one
 * message at a time, and keeps a connection's messages together only inside a transaction. An
 * extended query (Parse, Bind, Execute ... Sync) whose Bind spans several TCP reads is then split
 * by another connection's query, and its Bind meets the other's unnamed statement ("bind message
 * supplies 10 parameters, but prepared statement "" requires 2"). This keeps serving the same
 * connection from its Parse until its Sync. Replaces the library's processQueue (internals of the
 * pinned version; lib/db/embedded.test.ts catches a change).
 */
function keepExtendedQueriesWhole(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (typeof queue?.processQueue !== "function" || !Array.isArray(queue.queue))
    throw new Error("pglite-socket internals changed: review keepExtendedQueriesWhole");
  let midQuery: number | null = null;
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = midQuery ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const at = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet; enqueue() calls us again when it does.
        if (at === -1) break;
        const [item] = this.queue.splice(at, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          midQuery = null;
          item.reject(error);
          continue;
        }
        // Parse, Bind, Describe, Execute, Close, Flush: the query goes on until its Sync.
        midQuery = EXTENDED_QUERY_MESSAGES.has(item.message[0]) ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}

const EXTENDED_QUERY_MESSAGES = new Set([..."PBDECH"].map((c) => c.charCodeAt(0)));
