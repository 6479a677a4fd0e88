// A process serving one route module over HTTP (test-only), so a test can SIGKILL "the app" in
// the middle of a request. Usage: node --import tsx lib/test/route-server.ts <module> <export>
// with ROUTE_SERVER_PORT and DATABASE_URL set; prints "listening <port>" when ready.
import { createServer } from "node:http";
import { Readable } from "node:stream";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const [modulePath, exportName = "POST"] = process.argv.slice(2);
const handler = (await import(pathToFileURL(path.resolve(modulePath)).href))[exportName] as Handler;

const server = createServer(async (req, res) => {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const request = new Request(`http://localhost${req.url}`, {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream),
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve({}) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(Number(process.env.ROUTE_SERVER_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : ""}`);
});
