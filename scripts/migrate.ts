// npm run migrate - apply prisma/migrations to DATABASE_URL (or the embedded database).
import { migrate } from "@/lib/db/migrate";
import { openDatabaseUnmigrated } from "@/scripts/with-database";

const { url, embedded } = await openDatabaseUnmigrated();
const result = await migrate(url);
console.log(result.applied.length ? `applied: ${result.applied.join(", ")}` : `up to date (${result.alreadyApplied} migrations)`);
await embedded?.stop();
