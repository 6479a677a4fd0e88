import http from "node:http";
import { expect, test } from "@playwright/test";
import { appPages, fillPattern } from "../lib/test/api-routes";
import { seedData } from "./seed-data";
import { query } from "./upload-helpers";

// Over real HTTP against the built app: MAX_BODY_BYTES holds on every spelling of a path (the
// trailing-slash ones go through proxy.ts, whose body buffer used to cut bodies at 10 MiB), chunked
// bodies over the limit answer 413, every response names its request id, and every page of the
// app, opened by another organization's operator with this organization's ids, shows nothing of it.

const MIB = 1024 * 1024;
const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const number = () => `63${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** `json` padded with whitespace to `bytes`: still valid JSON, so only a cut body can fail it. */
function padded(json: unknown, bytes: number): string {
  const text = JSON.stringify(json);
  return `${text.slice(0, -1)}${" ".repeat(bytes - text.length)}${text.slice(-1)}`;
}

/**
 * A body sent with Transfer-Encoding: chunked (no Content-Length), 1 MiB at a time, by node:http:
 * a server may answer 413 and close before the body is all sent, as HTTP allows, and the answer
 * is still read (fetch would report only the reset).
 */
function postChunked(path: string, auth: string, bytes: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseURL}${path}`, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", authorization: auth },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    // The server may answer 413 and close the connection while the body is still being written
    // (EPIPE / ECONNRESET on our side): stop writing and wait for its answer.
    let broken = false;
    req.on("error", (error) => {
      broken = true;
      setTimeout(() => {
        if (!answered) reject(error);
      }, 3000);
    });
    let sent = 0;
    const write = () => {
      while (sent < bytes && !answered && !broken) {
        const more = req.write(sent === 0 ? `[${" ".repeat(MIB - 1)}` : " ".repeat(MIB));
        sent += MIB;
        if (!more) return void req.once("drain", write);
      }
      if (!broken) req.end();
    };
    write();
  });
}

test.describe("request bodies on every path spelling", () => {
  test("an 11.7 MB valid body is read whole on the trailing-slash paths", async ({ request }) => {
    test.setTimeout(120_000);
    const { demo } = seedData();
    const auth = `Token ${demo.apiKey}`;
    const phone = number();
    const size = Math.round(11.7 * 1_000_000);

    const added = await request.post("/api/upload-dnc/", {
      headers: { authorization: auth, "content-type": "application/json" },
      data: padded([{ numeric: phone, campaign: "", global_dnc: "true" }], size),
    });
    expect(await added.json()).toEqual({ detail: "Data processed successfully" });
    expect(added.status()).toBe(200);

    const removed = await request.post("/api/remove-dnc/", {
      headers: { authorization: auth, "content-type": "application/json" },
      data: padded([{ numeric: phone }], size),
    });
    expect(await removed.json()).toEqual({ detail: "DNC numbers removed successfully" });

    const row = {
      numeric: number().replace(/^63/, "98"),
      user: "priya",
      "customer_info:customer_id": `BIG-${Date.now()}`,
      "customer_info:customer_name": "Padded",
      "customer_info:city": "Pune",
    };
    for (const path of ["/api/bulkphonebookupload/v1/", "/api/bulkphonebookupload/v1"]) {
      const upload = await request.post(path, {
        headers: { authorization: auth, "content-type": "application/json" },
        data: padded(
          {
            campaign: "Flexy Phonebook",
            action_type: "insert",
            bulk_data: [{ ...row, "customer_info:customer_id": `${row["customer_info:customer_id"]}${path.length}` }],
          },
          size,
        ),
      });
      expect(upload.status(), path).toBe(200);
      expect(await upload.json()).toMatchObject({ job_id: expect.stringMatching(/^upl_/) });
    }
  });

  test("a 17 MB chunked body answers 413 on every spelling", async () => {
    test.setTimeout(180_000);
    const { demo } = seedData();
    const flexy = { status: 413, body: { errors: "Request body is larger than 16 MB" } };
    const dnc = { status: 413, body: { detail: "Request body is larger than 16 MB" } };
    const cases: [string, string, { status: number; body: unknown }][] = [
      ["/api/bulkphonebookupload/v1/", `Token ${demo.apiKey}`, flexy],
      ["/api/bulkphonebookupload/v1", `Token ${demo.apiKey}`, flexy],
      ["/api/upload-dnc/", `Token ${demo.apiKey}`, dnc],
      ["/api/remove-dnc/", `Token ${demo.apiKey}`, dnc],
      ["/api/upload-dnc", `Token ${demo.apiKey}`, dnc],
      [
        "/api/v1/customers/add/bulk",
        `Bearer ${demo.apiKey}`,
        { status: 413, body: { success: false, error: "PayloadTooLarge", message: "Request body is larger than 16 MB" } },
      ],
      [
        "/api/v1/customers/add/bulk/",
        `Bearer ${demo.apiKey}`,
        { status: 413, body: { success: false, error: "PayloadTooLarge", message: "Request body is larger than 16 MB" } },
      ],
    ];
    for (const [path, auth, expected] of cases) {
      const res = await postChunked(path, auth, 17 * MIB);
      expect({ path, status: res.status, body: JSON.parse(res.text) }).toEqual({ path, status: expected.status, body: expected.body });
    }
  });

  test("every API response carries X-Request-Id", async ({ request }) => {
    const { demo } = seedData();
    const res = await request.get("/api/v1/campaigns/", {
      headers: { authorization: `Bearer ${demo.apiKey}`, "x-request-id": "e2e-trace-1" },
    });
    expect(res.status()).toBe(200);
    expect(res.headers()["x-request-id"]).toBe("e2e-trace-1");
    const anonymous = await request.get("/api/v1/campaigns");
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

test.describe("page tenant sweep", () => {
  test("every page, opened by another organization's operator with this organization's ids, shows nothing of it", async ({
    playwright,
  }) => {
    const { demo, other } = seedData();
    const context = await playwright.request.newContext({ baseURL });
    const signIn = await context.post("/api/auth/sign-in/email", {
      data: { email: other.admin.email, password: other.admin.password },
      headers: { origin: baseURL },
    });
    expect(signIn.status()).toBe(200);
    // Text only the demo organization's pages hold (both organizations have a "Loan Recovery - Nov").
    const markers = [
      demo.name,
      "EDI Collections",
      "Home Loan Leads",
      demo.admin.email,
      ...demo.campaigns.filter((c) => !other.campaigns.some((o) => o.name === c.name)).map((c) => c.id),
    ];
    const campaignIds = demo.campaigns.map((c) => c.id);
    const [contacts, jobs, workflows, usedInvites] = await Promise.all([
      query<{ id: string }>(`SELECT id::text FROM customers WHERE "campaignId" = ANY($1) LIMIT 3`, [campaignIds]),
      query<{ id: string }>(`SELECT id FROM upload_jobs WHERE "campaignId" = ANY($1) LIMIT 3`, [campaignIds]),
      query<{ id: string }>(`SELECT w.id FROM workflows w JOIN campaigns c ON c."organizationId" = w."organizationId" WHERE c.id = $1`, [
        campaignIds[0],
      ]),
      query<{ id: string }>(`SELECT id FROM invitations WHERE "organizationId" = $1 AND status <> 'pending' LIMIT 3`, [demo.id]),
    ]);
    const foreign: Record<string, string[]> = {
      // Campaigns, and the demo organization's workflows (/workflows/[id]).
      id: [...campaignIds, ...workflows.map((w) => w.id)],
      // A contact of the demo organization (under its own campaign's id in the same path).
      contactId: contacts.map((c) => c.id),
      // The demo organization's upload jobs (the seed's calls and workflows come with uploads).
      jobId: jobs.length ? jobs.map((j) => j.id) : ["upl_none"],
      // The invite page (app/invite/[invitationId]): a pending link is a bearer secret that names its
      // organization by design; a used or cancelled one (or an unknown id) must show nothing.
      invitationId: usedInvites.length ? usedInvites.map((i) => i.id) : ["inv_none"],
    };

    const pages = appPages();
    expect(pages.length).toBeGreaterThanOrEqual(9);
    const unknown = pages.flatMap((p) => p.params.filter((name) => !foreign[name]).map((name) => `${p.file}: [${name}]`));
    expect(unknown, "add these segment names to `foreign` in e2e/hardening-http.spec.ts").toEqual([]);

    let attempts = 0;
    const leaks: string[] = [];
    for (const page of pages) {
      let combos: Record<string, string>[] = [{}];
      for (const name of page.params) combos = combos.flatMap((c) => foreign[name].map((id) => ({ ...c, [name]: id })));
      for (const values of combos) {
        const path = fillPattern(page.pattern, values);
        const res = await context.get(path);
        attempts++;
        const html = await res.text();
        // The URL's own id is echoed by the router payload; only ids not sent count.
        const sent = new Set(Object.values(values));
        const found = markers.filter((m) => !sent.has(m) && html.includes(m));
        if (found.length) leaks.push(`${path} (${res.status()}): ${found.join(", ")}`);
        if (res.status() >= 500) leaks.push(`${path}: ${res.status()}`);
      }
    }
    console.info(`page tenant sweep: ${pages.length} pages, ${attempts} attempts, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    await context.dispose();
  });
});
