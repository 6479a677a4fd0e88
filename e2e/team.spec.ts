import { expect, test, type Browser, type Page } from "@playwright/test";
import { appPages, fillPattern } from "../lib/test/api-routes";
import { apiAuth, query } from "./upload-helpers";
import { seedData } from "./seed-data";

// The team over better-auth's organization plugin, through the screens: an admin of a brand-new
// organization follows the first-run checklist, invites an operator (a one-time link), the invitee
// sets a password and joins; the operator sees no team or API-key write control and the server
// answers 403; role change, removal and the last-admin refusal; a viewer sweep over every screen.
// Checked against Postgres. Team, invite and first-run photographed at 1280 and 390 px.

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const adminEmail = `admin-${run}@team-e2e.test`;
const operatorEmail = `operator-${run}@team-e2e.test`;
const orgName = `Team E2E ${run}`;
let orgId = "";

// Several browsers and many page loads per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  // A brand-new organization with one admin, whose password is the demo admin's (shared hash).
  const { demo } = seedData();
  [{ id: orgId }] = await query<{ id: string }>(`INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $1) RETURNING id`, [
    `org-${run}`,
    orgName,
  ]);
  await query(`INSERT INTO users (id, name, email, "emailVerified", "organizationId") VALUES ($1, 'Asha Admin', $2, true, $3)`, [
    `usr-${run}`,
    adminEmail,
    orgId,
  ]);
  await query(`INSERT INTO members (id, "organizationId", "userId", role) VALUES ($1, $2, $3, 'admin')`, [
    `mbr-${run}`,
    orgId,
    `usr-${run}`,
  ]);
  await query(
    `INSERT INTO accounts (id, "accountId", "providerId", "userId", password) SELECT $1, $2, 'credential', $2, password FROM accounts WHERE "userId" = $3 AND "providerId" = 'credential'`,
    [`acc-${run}`, `usr-${run}`, demo.admin.id],
  );
});
test.afterAll(async () => {
  // The organization first: deleting its last admin alone is refused (members_keep_an_admin).
  await query(`DELETE FROM organizations WHERE id = $1`, [orgId]);
  await query(`DELETE FROM users WHERE email LIKE $1`, [`%-${run}@team-e2e.test`]);
});

async function signInAs(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.keyboard.press("Enter");
    const limited = page.getByText(/Too many (requests|sign-in attempts)/);
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 }).or(limited)).toBeVisible({ timeout: 60_000 });
    if (!(await limited.isVisible())) return page;
    await page.waitForTimeout(11_000);
  }
  throw new Error(`could not sign in as ${email}`);
}

async function photograph(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `test-results/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const roleOf = async (email: string) =>
  (await query<{ role: string }>(`SELECT m.role FROM members m JOIN users u ON u.id = m."userId" WHERE u.email = $1`, [email]))[0]?.role ??
  null;

test.describe
  .serial("team", () => {
    let inviteUrl = "";

    test("a brand-new organization is guided: the first-run checklist, each step done when the database says so", async ({ browser }) => {
      const page = await signInAs(browser, adminEmail, seedData().demo.admin.password);
      await page.goto("/");
      const checklist = page.getByTestId("first-run");
      await expect(checklist.getByRole("heading", { name: "Get started" })).toBeVisible();
      for (const step of ["campaign", "contacts", "calls", "team"])
        await expect(checklist.locator(`[data-step="${step}"]`)).toHaveAttribute("data-done", "false");
      await expect(checklist.getByRole("link", { name: "Create a campaign" })).toHaveAttribute("href", "/campaigns/new");
      await photograph(page, "first-run");
      // The empty campaigns list says what it is for and offers the action.
      await page.goto("/campaigns");
      await expect(page.getByRole("heading", { name: "No campaigns yet" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Create your first campaign" })).toBeVisible();

      // A campaign in the database ticks the first step and the next one offers the upload.
      const created = await page.request.post("/api/v1/campaigns/create", {
        data: {
          name: "First campaign",
          description: "",
          campaignType: "lead",
          startDate: "2026-11-01",
          startTime: "09:00",
          endDate: "2027-03-31",
          endTime: "19:00",
          languages: ["english"],
          region: "west",
        },
      });
      expect(created.status()).toBe(201);
      const [{ id }] = await query<{ id: string }>(`SELECT id FROM campaigns WHERE "organizationId" = $1`, [orgId]);
      await page.goto("/");
      await expect(checklist.locator('[data-step="campaign"]')).toHaveAttribute("data-done", "true");
      await expect(checklist.locator('[data-step="contacts"]')).toHaveAttribute("data-done", "false");
      await expect(checklist.getByRole("link", { name: "Upload contacts" })).toHaveAttribute("href", `/campaigns/${id}/upload`);
      await page.goto(`/campaigns/${id}/contacts`);
      await expect(page.getByTestId("contacts-empty").getByRole("link", { name: "Upload contacts" })).toBeVisible();
      await page.context().close();
    });

    test("an admin invites an operator; the one-time link lets them set a password and join", async ({ browser }) => {
      const admin = await signInAs(browser, adminEmail, seedData().demo.admin.password);
      await admin.getByRole("link", { name: "Team" }).click();
      await expect(admin.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
      const form = admin.getByRole("form", { name: "Invite a colleague" });
      await form.getByLabel("Email").fill("not an email");
      await form.getByRole("button", { name: "Create invite link" }).click();
      await expect(form).toContainText("Enter the colleague's email address"); // the server's words, at the field
      await form.getByLabel("Email").fill(adminEmail);
      await form.getByRole("button", { name: "Create invite link" }).click();
      await expect(form).toContainText("already on the team");
      await form.getByLabel("Email").fill(operatorEmail.toUpperCase());
      await form.getByLabel("Role").selectOption("operator");
      await form.getByRole("button", { name: "Create invite link" }).click();
      const link = admin.getByTestId("invite-link");
      await expect(link).toContainText(`Invite link for ${operatorEmail}`);
      inviteUrl = await link.getByLabel("Invite link URL").inputValue();
      expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9]{32}$/);
      expect(await query(`SELECT email, role, status FROM invitations WHERE "organizationId" = $1`, [orgId])).toEqual([
        { email: operatorEmail, role: "operator", status: "pending" },
      ]);
      await expect(admin.getByRole("table", { name: "Pending invitations" })).toContainText(operatorEmail);
      await photograph(admin, "team");

      // The invitee, with no account, opens the link.
      const invitee = await (await browser.newContext()).newPage();
      await invitee.goto(inviteUrl);
      await expect(invitee.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
      await expect(invitee.getByText(operatorEmail)).toBeVisible();
      await photograph(invitee, "invite");
      await invitee.getByRole("button", { name: "Set password and join" }).click();
      await expect(invitee.getByText("Enter your name")).toBeVisible();
      await invitee.locator('input[name="name"]').fill("Omar Operator");
      await invitee.locator('input[name="password"]').fill("operator password 1");
      await invitee.locator('input[name="confirm"]').fill("something else");
      await invitee.getByRole("button", { name: "Set password and join" }).click();
      await expect(invitee.getByText("The two passwords differ")).toBeVisible();
      await invitee.locator('input[name="confirm"]').fill("operator password 1");
      await invitee.getByRole("button", { name: "Set password and join" }).click();
      // Signed in, in the organization, on its home page with the checklist.
      await expect(invitee.getByRole("heading", { name: orgName, level: 1 })).toBeVisible();
      await expect(invitee.getByTestId("first-run")).toBeVisible();
      expect(await roleOf(operatorEmail)).toBe("operator");
      expect(await query(`SELECT status FROM invitations WHERE "organizationId" = $1`, [orgId])).toEqual([{ status: "accepted" }]);
      await invitee.context().close();

      // Single use: the link is dead now.
      const again = await (await browser.newContext()).newPage();
      await again.goto(inviteUrl);
      await expect(again.getByRole("heading", { name: "This invite link does not work" })).toBeVisible();
      await expect(again.getByText(orgName)).toHaveCount(0);
      await again.context().close();
      await admin.context().close();
    });

    test("the operator signs in, sees no team or API-key write control, and the server answers 403", async ({ browser }) => {
      const operator = await signInAs(browser, operatorEmail, "operator password 1");
      await operator.goto("/team");
      await expect(operator.getByTestId("team-read-only")).toContainText("Only an admin");
      await expect(operator.getByRole("table", { name: "Members" })).toContainText(adminEmail);
      await expect(operator.locator("[data-writes]")).toHaveCount(0);
      await expect(operator.getByRole("form", { name: "Invite a colleague" })).toHaveCount(0);
      await operator.goto("/settings");
      await expect(operator.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
      await expect(operator.getByRole("button", { name: /create key/i })).toHaveCount(0);

      const invite = await operator.request.post("/api/team/invitations", { data: { email: `x-${run}@team-e2e.test`, role: "operator" } });
      expect(invite.status()).toBe(403);
      const [adminMember] = await query<{ id: string }>(`SELECT id FROM members WHERE "organizationId" = $1 AND role = 'admin'`, [orgId]);
      const demote = await operator.request.patch(`/api/team/members/${adminMember.id}`, { data: { role: "viewer" } });
      expect(demote.status()).toBe(403);
      expect((await operator.request.delete(`/api/team/members/${adminMember.id}`)).status()).toBe(403);
      expect(await roleOf(adminEmail)).toBe("admin");
      expect(await query(`SELECT count(*)::int AS n FROM invitations WHERE email = $1`, [`x-${run}@team-e2e.test`])).toEqual([{ n: 0 }]);
      await operator.context().close();
    });

    test("an admin changes a role and removes a member; the last admin can be neither demoted nor removed", async ({ browser }) => {
      const admin = await signInAs(browser, adminEmail, seedData().demo.admin.password);
      await admin.goto("/team");
      await admin.getByLabel(`Role of ${operatorEmail}`).selectOption("viewer");
      await expect.poll(() => roleOf(operatorEmail)).toBe("viewer");

      // The last admin: demoting oneself and removing oneself are refused, and nothing changes.
      await admin.getByLabel(`Role of ${adminEmail}`).selectOption("operator");
      await expect(admin.locator("main .alert-error")).toContainText("at least one admin");
      expect(await roleOf(adminEmail)).toBe("admin");
      admin.once("dialog", (d) => d.accept());
      await admin.getByRole("button", { name: `Remove ${adminEmail}` }).click();
      await expect(admin.locator("main .alert-error")).toContainText("at least one admin");
      expect(await roleOf(adminEmail)).toBe("admin");
      await admin.reload();
      await expect(admin.getByLabel(`Role of ${adminEmail}`)).toHaveValue("admin");

      admin.once("dialog", (d) => d.accept());
      await admin.getByRole("button", { name: `Remove ${operatorEmail}` }).click();
      await expect(admin.getByTestId(`member-${operatorEmail}`)).toHaveCount(0);
      expect(await query(`SELECT id FROM users WHERE email = $1`, [operatorEmail])).toEqual([]);
      await admin.context().close();
    });
  });

// Buttons and links that change something. A viewer may filter, search, page, export and sign out.
const WRITE_CONTROL =
  /^(new|add|create|save|delete|remove|edit|pause|resume|start|undo|revoke|invite|cancel|upload|send|rotate|deactivate|activate|set |calls now|change|replace|discard|test call|place|duplicate|mark)/i;

test("a viewer sees every screen and no enabled control that writes", async ({ browser, request }) => {
  const { demo } = seedData();
  // An upload job of the demo organization for the job page (a fresh database may have none).
  const emi = demo.campaigns.find((c) => c.campaignType === "emi");
  const added = await request.post("/api/v1/customers/add/bulk", {
    headers: apiAuth(),
    data: {
      campaignId: emi?.id,
      records: [
        {
          loan_id: `VIEW-${run}`,
          first_name: "Vera",
          last_name: "Sweep",
          phone_number: `97${String(Date.now()).slice(-8)}`,
          loan_amount: 250000,
          emi_amount: 12500,
          loan_period: 24,
          current_emi: 3,
          emi_due_date: "2025-01-05",
          payment_status: "pending",
          language: "hindi",
        },
      ],
    },
  });
  expect([201, 207]).toContain(added.status());
  const viewer = await signInAs(browser, demo.viewer.email, demo.viewer.password);
  const campaignIds = demo.campaigns.map((c) => c.id);
  const [contact] = await query<{ id: string; campaignId: string }>(
    `SELECT id::text, "campaignId" FROM customers WHERE "campaignId" = ANY($1) ORDER BY "createdAt" LIMIT 1`,
    [campaignIds],
  );
  const [job] = await query<{ id: string }>(`SELECT id FROM upload_jobs WHERE "organizationId" = $1 ORDER BY "createdAt" LIMIT 1`, [
    demo.id,
  ]);
  const [workflow] = await query<{ id: string }>(`SELECT id FROM workflows WHERE "organizationId" = $1 LIMIT 1`, [demo.id]);
  const ids: Record<string, string> = { id: contact.campaignId, contactId: contact.id, jobId: job.id };
  // /workflows/[id] takes a workflow's id, every other [id] a campaign's.
  const idsFor = (pattern: string) => (pattern.startsWith("/workflows/") ? { ...ids, id: workflow.id } : ids);
  // Pages outside the signed-in app (sign-in, the invite link) are not screens of the organization.
  const pages = appPages().filter((p) => p.file.includes("(app)"));
  expect(pages.length).toBeGreaterThanOrEqual(15);
  const unknown = pages.flatMap((p) => p.params.filter((n) => !ids[n]).map((n) => `${p.file}: [${n}]`));
  expect(unknown, "add an id for these segments to the viewer sweep in e2e/team.spec.ts").toEqual([]);

  const found: string[] = [];
  for (const p of pages) {
    const path = fillPattern(p.pattern, idsFor(p.pattern));
    const res = await viewer.goto(path, { timeout: 60_000 });
    expect(res?.status(), path).toBeLessThan(400);
    await expect(viewer.locator("h1").first()).toBeVisible();
    for (const control of await viewer
      .locator("main button:visible, main a.btn:visible, main input[type=submit]:visible, main [data-writes]")
      .all()) {
      if (!(await control.isEnabled())) continue;
      const label = ((await control.getAttribute("aria-label")) ?? (await control.textContent()) ?? "").trim();
      const marked = (await control.getAttribute("data-writes")) !== null;
      if (marked || WRITE_CONTROL.test(label)) found.push(`${path}: "${label}"`);
    }
  }
  expect(found, "write controls a viewer can use").toEqual([]);
  await viewer.context().close();
});
