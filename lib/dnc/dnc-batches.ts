// A DNC request is all-or-nothing in one transaction however long it is (100,000 entries is a
// normal list). Statements go in batches, so none carries more bind parameters than Postgres takes
// (65,535), and the transaction may run longer than Prisma's 5-second interactive default.

export const DNC_BATCH = 5_000;

/** Prisma interactive-transaction options for a DNC request. */
export const DNC_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

export function batches<T>(items: readonly T[], size = DNC_BATCH): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}
