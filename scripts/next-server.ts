// The HTTP server of `npm start` / `npm run dev` (spawned by scripts/start.ts): Next.js behind a
// plain node:http server that decides, from the socket and TRUSTED_PROXY_HOPS only, which client
// address and protocol the app sees (lib/security/client-ip.ts). Whatever a client sends in
// X-Forwarded-For, X-Forwarded-Proto or our own headers is replaced before Next.js reads it.
import { createServer } from "node:http";
import type { TLSSocket } from "node:tls";
import next from "next";
import { env } from "@/lib/env";
import { applyTrustedClientHeaders } from "@/lib/security/client-ip";

const dev = process.argv.includes("--dev");
const port = env.PORT;
const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  applyTrustedClientHeaders(req.headers, req.socket as TLSSocket, env.TRUSTED_PROXY_HOPS);
  void handle(req, res);
}).listen(port, () => {
  console.log(`✓ Ready on http://localhost:${port}`);
});
