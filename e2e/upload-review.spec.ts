import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  acceptHeaderAndColumns,
  apiAuth,
  cell,
  createCampaign,
  csv,
  customersOf,
  DEBT_HEADER,
  debtRow,
  deleteCampaign,
  drop,
  figure,
  openWizard,
  query,
  signIn,
  submitJustAdd,
  uploadJobsOf,
  type TestCampaign,
} from "./upload-helpers";
import { seedData } from "./seed-data";

// The review and the outcome: errors fixed in the table, duplicates in the file and in the
// campaign reconciled, the error report as a file, a chunk retried after a lost connection.

test.describe("upload wizard: review and outcome", () => {
  let campaign: TestCampaign | undefined;
  test.afterEach(async ({ request }) => {
    await deleteCampaign(request, campaign);
    campaign = undefined;
  });

  test("errors shown beside their cells, fixed in the table, are submitted fixed", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    await drop(
      page,
      "fix-me.csv",
      csv(DEBT_HEADER, debtRow("F-1"), debtRow("F-2", { phone: "12345" }), debtRow("F-3", { phone: "9876543212", due: "2025-02-30" })),
    );
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Invalid")).toHaveText("2");
    await expect(cell(page, "Invalid phone_number '12345': too short")).toBeVisible();
    await expect(cell(page, "Field 'emi_due_date' must be a real date in YYYY-MM-DD format")).toBeVisible();

    await cell(page, "Invalid phone_number '12345': too short").dblclick();
    await page.getByRole("textbox", { name: "Edit phone_number, row 3" }).fill("98765 00002");
    await page.keyboard.press("Enter");
    await expect(figure(page, "Invalid")).toHaveText("1");
    await expect(cell(page, "98765 00002")).not.toContainText("Invalid");

    // Keyboard: the date cell of the next row, edited with Enter.
    await cell(page, "2025-02-30").click();
    await page.keyboard.press("Enter");
    await page.getByRole("textbox", { name: "Edit emi_due_date, row 4" }).fill("2025-02-28");
    await page.keyboard.press("Enter");
    await expect(figure(page, "Ready to add")).toHaveText("3");

    await page.getByRole("button", { name: "↶ Undo" }).click();
    await expect(figure(page, "Invalid")).toHaveText("1");
    await page.getByRole("button", { name: "↷ Redo" }).click();
    await expect(figure(page, "Invalid")).toHaveText("0");

    await submitJustAdd(page, 3);
    await expect(page.getByText("3 of 3 rows from fix-me.csv were added")).toBeVisible();
    const customers = await customersOf(campaign.id);
    expect(customers.map((c) => [c.identifier, c.phoneRaw, c.phoneE164, c.data.emi_due_date])).toEqual([
      ["F-1", "9876543210", "+919876543210", "2025-01-05"],
      ["F-2", "98765 00002", "+919876500002", "2025-01-05"],
      ["F-3", "9876543212", "+919876543212", "2025-02-28"],
    ]);
  });

  test("a partial result: duplicates in the file and in the campaign, every row accounted for", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const rows = ["P-1", "P-2", "P-3", "P-4", "P-5"].map((id, i) => debtRow(id, { phone: `98765432${10 + i}` }));
    await signIn(page);
    await openWizard(page, campaign);
    await drop(
      page,
      "partial.csv",
      csv(DEBT_HEADER, ...rows, debtRow("P-2", { first: "Again", phone: "9876543299" }), debtRow("P-6", { phone: "1" })),
    );
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Ready to add")).toHaveText("5");
    await expect(figure(page, "Duplicates in file")).toHaveText("1");
    await expect(cell(page, "Duplicate loan_id 'P-2' in this file (first seen at row 3)")).toBeVisible();
    await expect(page.getByText("Checked against the campaign: none of these contacts is there yet.")).toBeVisible();

    // Another door adds two of them meanwhile: the server finds them when the rows arrive.
    const added = await request.post("/api/v1/customers/add/bulk", {
      headers: apiAuth(),
      data: { campaignId: campaign.id, records: [rows[0], rows[2]].map(recordOf) },
    });
    expect(added.status()).toBe(201);

    await submitJustAdd(page, 5);
    await expect(page.getByRole("heading", { name: "Upload finished" })).toBeVisible();
    await expect(page.getByText("3 of 7 rows from partial.csv were added")).toBeVisible();
    const summary = page.getByRole("table", { name: "Upload summary" });
    await expect(summary.getByRole("row", { name: /^Duplicates 3/ })).toContainText("Already in the campaign: 2");
    await expect(summary.getByRole("row", { name: /^Duplicates 3/ })).toContainText("Duplicate loan_id in file: 1");
    await expect(summary.getByRole("row", { name: /^Invalid 1/ })).toContainText("Invalid phone_number: 1");
    await expect(summary.getByRole("row", { name: /^Failed 0/ })).toBeVisible();
    await expect(page.getByText("7 received = 3 added + 3 duplicates + 1 invalid + 0 failed")).toBeVisible();

    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["P-1", "P-2", "P-3", "P-4", "P-5"]);
    const ui = (await uploadJobsOf(campaign.id)).find((j) => j.source === "ui");
    expect(ui).toMatchObject({ fileName: "partial.csv", total: 5, successful: 3, duplicates: 2, status: "completed" });
  });

  test("the error report holds the original columns, row numbers and reasons, safe to open in Excel", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const header = "Loan ID,First name,Last name,Mobile,Loan amount,EMI,Tenure,Current EMI,Due date,Payment status,Branch";
    const line = (id: string, first: string, phone: string) => `${id},${first},Verma,${phone},250000,12500,24,3,2025-01-05,pending,Pune`;
    await signIn(page);
    await openWizard(page, campaign);
    await drop(
      page,
      "report.csv",
      csv(
        header,
        line("R-1", "Asha", "9876543210"),
        line("R-2", '=HYPERLINK("http://x.test")', "12345"),
        line("R-3", "Ravi", "9.19877E+11"),
      ),
    );
    await acceptHeaderAndColumns(page);
    await expect(figure(page, "Invalid")).toHaveText("2");
    await page.getByRole("combobox", { name: "Error type" }).selectOption({ label: "phone_number destroyed by Excel (1)" });
    await expect(cell(page, "was turned into scientific notation by a spreadsheet")).toHaveCount(1);

    const fromReview = await download(page, () => page.getByRole("button", { name: "Download rows with errors" }).click());
    expect(fromReview.name).toBe("report-rows-with-errors.csv");
    expect(fromReview.lines).toEqual([
      `"Loan ID","First name","Last name","Mobile","Loan amount","EMI","Tenure","Current EMI","Due date","Payment status","Branch","row","errors"`,
      `"R-2","'=HYPERLINK(""http://x.test"")","Verma","12345","250000","12500","24","3","2025-01-05","pending","Pune","3","Invalid phone_number '12345': too short"`,
      `"R-3","Ravi","Verma","9.19877E+11","250000","12500","24","3","2025-01-05","pending","Pune","4","Invalid phone_number '9.19877E+11': was turned into scientific notation by a spreadsheet and its digits are lost; format the column as text"`,
    ]);
    expect(fromReview.bom).toBe(true);

    await submitJustAdd(page, 1);
    await expect(page.getByText("1 of 3 rows from report.csv were added")).toBeVisible();
    const fromDone = await download(page, () => page.getByRole("button", { name: "Download the 2 rows not added" }).click());
    expect(fromDone.name).toBe("report-not-added.csv");
    expect(fromDone.lines).toEqual(fromReview.lines);
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["R-1"]);
  });

  test("a lost connection while sending is retried with the same key, adding no row twice", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    await signIn(page);
    await openWizard(page, campaign);
    let dropped = false;
    const keys: string[] = [];
    await page.route("**/api/uploads/*/chunks", async (route) => {
      const req = route.request();
      keys.push(req.headers()["idempotency-key"]);
      if (dropped) return route.continue();
      dropped = true;
      // The server adds the rows; the answer never reaches the browser.
      await route.fetch();
      await route.abort("connectionreset");
    });
    await drop(page, "flaky.csv", csv(DEBT_HEADER, debtRow("N-1"), debtRow("N-2", { phone: "9876543211" })));
    await acceptHeaderAndColumns(page);
    await submitJustAdd(page, 2);
    await expect(page.getByRole("heading", { name: "Upload paused" })).toBeVisible();
    await expect(page.locator(".alert-warning")).toContainText("The connection failed while sending chunk 1 of 1");
    await expect(page.locator(".alert-warning")).toContainText(
      "Retrying is safe: the chunk is sent with the same Idempotency-Key, so rows already added are not added twice.",
    );
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["N-1", "N-2"]);

    await page.getByRole("button", { name: "Retry chunk 1" }).click();
    await expect(page.getByText("2 of 2 rows from flaky.csv were added")).toBeVisible();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["N-1", "N-2"]);
    expect(await uploadJobsOf(campaign.id)).toHaveLength(1);
  });

  test("add and start calls: the agent and disposition picked go to the route with the rows", async ({ page, request }) => {
    campaign = await createCampaign(request, "emi");
    const { demo } = seedData();
    const agent = demo.agents.find((a) => a.username === "vikram")!;
    const disposition = demo.dispositions.find((d) => d.name === "Promise to Pay")!;
    await signIn(page);
    await openWizard(page, campaign);
    await drop(page, "calls.csv", csv(DEBT_HEADER, debtRow("K-1"), debtRow("K-2", { phone: "9876543211" })));
    await acceptHeaderAndColumns(page);
    await page.getByRole("button", { name: "Continue to submit" }).click();
    await expect(page.getByRole("radio", { name: /Add and run the campaign's workflow/ })).toBeDisabled();
    await page.getByRole("radio", { name: /Add and start calls/ }).check();
    await page.getByRole("button", { name: "Add 2 contacts" }).click();
    await expect(page.getByText("Pick the agent who will call and the disposition set to use.")).toBeVisible();
    await page.getByLabel("Agent").selectOption(agent.id);
    await page.getByLabel("Disposition").selectOption(disposition.id);
    await page.getByRole("button", { name: "Add 2 contacts" }).click();

    await expect(page.getByText("2 of 2 rows from calls.csv were added")).toBeVisible();
    // Both are scheduled (waiting for the calling window when it is closed); the summary says so.
    await expect(page.getByRole("row", { name: /^Added 2/ })).toContainText("Calls requested for 2: 2 initiated, 0 failed.");
    expect(await query(`SELECT 1 FROM calls WHERE "campaignId" = $1 AND "agentId" = $2`, [campaign.id, agent.id])).toHaveLength(2);
    const [job] = await query<{ options: Record<string, unknown> }>(`SELECT options FROM upload_jobs WHERE "campaignId" = $1`, [
      campaign.id,
    ]);
    expect(job.options).toMatchObject({ initiateCall: true, callConfig: { agentId: agent.id, dispositionId: disposition.id } });
    expect((await customersOf(campaign.id)).map((c) => c.identifier)).toEqual(["K-1", "K-2"]);
  });

  test("without a campaign the picker comes first; another organization's campaign is not found", async ({ page }) => {
    const { demo, other } = seedData();
    await signIn(page);
    await page.goto("/upload");
    await expect(page.getByRole("heading", { name: "Upload contacts", level: 1 })).toBeVisible();
    const picker = page.getByRole("list", { name: "Campaigns" });
    for (const c of demo.campaigns) await expect(picker.getByRole("link", { name: new RegExp(`^${c.name}`) })).toBeVisible();
    await expect(picker.getByRole("link", { name: /^Other Leads/ })).toHaveCount(0);
    await picker.getByRole("link", { name: /^Flexy Phonebook/ }).click();
    await expect(page).toHaveURL(`/campaigns/${demo.campaigns.find((c) => c.name === "Flexy Phonebook")!.id}/upload`);
    await expect(page.getByRole("list", { name: "Campaign fields" })).toContainText("customer_info:customer_id");
    await expect(picker).toHaveCount(0);

    const response = await page.goto(`/campaigns/${other.campaigns[0].id}/upload`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

function recordOf(line: string): Record<string, string> {
  const keys = DEBT_HEADER.split(",");
  const values = line.split(",");
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const text = readFileSync((await file.path())!, "utf8");
  return {
    name: file.suggestedFilename(),
    bom: text.startsWith("\uFEFF"),
    lines: text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n"),
  };
}
