// The client's address, as the launcher's server (scripts/next-server.ts) determined it from the
// socket and TRUSTED_PROXY_HOPS. It overwrites CLIENT_IP_HEADER on every request, so a
// client-chosen X-Forwarded-For or a forged copy of this header never reaches the app.

export const CLIENT_IP_HEADER = "x-dialsheet-client-ip";
export const CLIENT_PROTO_HEADER = "x-dialsheet-client-proto";

/**
 * The address `hops` trusted proxies in front of us saw: with no proxy the socket's address; with
 * N proxies the Nth entry from the right of X-Forwarded-For (the entries further left were
 * written by the client and prove nothing).
 */
export function trustedClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const path = [...chain, socketAddress ?? "unknown"];
  return path[Math.max(0, path.length - 1 - hops)] ?? "unknown";
}

/** "https" when the request reached the first trusted hop over TLS. */
export function trustedClientProto(encrypted: boolean, forwardedProto: string | string[] | undefined, hops: number): "http" | "https" {
  if (hops === 0) return encrypted ? "https" : "http";
  const values = (Array.isArray(forwardedProto) ? forwardedProto.join(",") : (forwardedProto ?? "")).split(",").map((s) => s.trim());
  return values[values.length - 1] === "https" ? "https" : "http";
}

/**
 * Rewrites an incoming request's headers (node:http) before Next.js sees them: our client
 * headers and X-Forwarded-For/-Proto hold only what the socket and the trusted proxies say.
 */
export function applyTrustedClientHeaders(
  headers: Record<string, string | string[] | undefined>,
  socket: { remoteAddress?: string; encrypted?: boolean },
  hops: number,
): void {
  const ip = trustedClientIp(socket.remoteAddress, headers["x-forwarded-for"], hops);
  const proto = trustedClientProto(Boolean(socket.encrypted), headers["x-forwarded-proto"], hops);
  headers[CLIENT_IP_HEADER] = ip;
  headers[CLIENT_PROTO_HEADER] = proto;
  headers["x-forwarded-for"] = ip;
  headers["x-forwarded-proto"] = proto;
}

/** What the app reads: requests that did not come through the launcher's server share one bucket. */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

export function servedOverHttps(headers: Headers, appUrl: string): boolean {
  return appUrl.startsWith("https:") || headers.get(CLIENT_PROTO_HEADER) === "https";
}
