// npm run seed [-- --json] - create or refresh the demo data and print its credentials.
import { openDatabase } from "@/scripts/with-database";
import { seed } from "@/lib/seed/seed";
import { disconnectDb } from "@/lib/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { printCredentials } from "@/scripts/print-credentials";

const { embedded } = await openDatabase();
const result = await seed();
if (process.argv.includes("--json")) console.log(JSON.stringify(result));
else printCredentials(result, null);
await stopBoss(); // the demo calls' scheduling wakes the dispatcher through the queue
await disconnectDb();
await embedded?.stop();
