import { readFileSync } from "node:fs";
import type { seed } from "@/lib/seed/seed";

export type SeedData = Awaited<ReturnType<typeof seed>> & { databaseUrl: string };

/** Credentials, campaigns, agents and dispositions of the seeded demo data of the running app, and its database URL. */
export function seedData(): SeedData {
  return JSON.parse(readFileSync("test-results/seed.json", "utf8"));
}
