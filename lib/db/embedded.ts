import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded default: PGlite served over the Postgres wire protocol on a local port, so the app
// uses the same adapter-pg path as with a real server. PGlite is single-process: only the launcher
// opens the data directory; every other consumer connects through the socket.

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port, maxConnections: 10 });
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
