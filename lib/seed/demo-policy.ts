// Demo logins and keys only where they cannot land in a real deployment by accident: always on
// the embedded database (`npm run go`), on a real DATABASE_URL only with SEED_DEMO=true.
export function seedsDemo(input: { embedded: boolean; seedDemo: string | undefined; skipSeed: string | undefined }): boolean {
  if (input.skipSeed === "true") return false;
  return input.embedded || input.seedDemo === "true";
}
