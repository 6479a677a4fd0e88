// npm run create-admin -- --email <email> --password <password> --org <organization name>
// Creates an organization and its first admin (for a real DATABASE_URL, where no demo data is made).
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/scripts/with-database";
import { db, disconnectDb } from "@/lib/db/client";
import { createOrganizationAdmin } from "@/lib/auth/create-admin";

const argsSchema = z.object({
  email: z.email("--email must be an email address"),
  password: z.string("--password is required").min(8, "--password must be at least 8 characters"),
  org: z.string("--org is required").trim().min(1, "--org is required").max(200),
});

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" }, org: { type: "string" } } });
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  console.error("usage: npm run create-admin -- --email you@example.com --password '<at least 8 characters>' --org 'Your company'");
  process.exit(2);
}

const { embedded } = await openDatabase();
try {
  if (await db.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } })) {
    console.error(`A user with the email ${parsed.data.email} already exists.`);
    process.exitCode = 1;
  } else {
    const { organization, user } = await createOrganizationAdmin({ email: parsed.data.email, password: parsed.data.password, organizationName: parsed.data.org });
    console.log(`Created ${organization.name} (${organization.id}) and its admin ${user.email}. Sign in and create API keys under Settings.`);
  }
} finally {
  await disconnectDb();
  await embedded?.stop();
}
