// npm run worker - queue consumers as their own process, for scaling out (needs DATABASE_URL).
import { startWorkers } from "@/lib/jobs/workers";
import { QUEUE_CONSUMERS } from "@/scripts/queue-consumers";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/env";
import { disconnectDb } from "@/lib/db/client";

await migrate(databaseUrl());
const workers = await startWorkers(QUEUE_CONSUMERS);
console.log("Dialsheet worker running; Ctrl-C to stop");
const stop = async () => {
  await workers.stop();
  await disconnectDb();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
