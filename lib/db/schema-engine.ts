import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// Prisma's schema engine compiled to WebAssembly: diffs a database against schema.prisma
// offline (the CLI would download a native engine). Development and test use only.

const SCHEMA_PATH = "prisma/schema.prisma";

export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const engine = await createEngine(connectionString, schema);
  try {
    const result = await engine.diff({
      // "schemaDatasource" reads the live database through the driver adapter.
      from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

/** True when a diff script contains no statement. */
export function isEmptyMigration(script: string): boolean {
  return (
    script
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("--")).length === 0
  );
}

let loaded = false;

async function createEngine(connectionString: string, schema: string) {
  if (!loaded) {
    // The package's entry imports a .wasm module, which Node cannot; instantiate it by hand.
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    (bg as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    loaded = true;
  }
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(introspectablePool(connectionString)) as never);
  return bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, factory);
}

// The engine's introspection selects catalog columns of Postgres' one-byte "char" type (OID 18),
// which adapter-pg does not map; reporting them as text is exact for these ASCII flags.
function introspectablePool(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const patch = (target: { query: (...args: never[]) => unknown }) => {
    const original = target.query.bind(target) as (...args: unknown[]) => Promise<unknown>;
    target.query = (async (...args: unknown[]) => {
      const result = (await original(...args)) as { fields?: { dataTypeID: number }[] } | undefined;
      for (const field of result?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      return result;
    }) as never;
  };
  patch(pool as never);
  pool.on("connect", (client) => patch(client as never));
  return pool;
}

const CHAR_OID = 18;
const TEXT_OID = 25;
