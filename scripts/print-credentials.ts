import type { seed } from "@/lib/seed/seed";

export function printCredentials(result: Awaited<ReturnType<typeof seed>>, url: string | null) {
  const lines = [
    "",
    "  Dialsheet is ready.",
    ...(url ? [`  Open        ${url}`] : []),
    `  Sign in     ${result.demo.admin.email} / ${result.password}`,
    `  API key     ${result.demo.apiKey}   (Authorization: Bearer <key> or Token <key>)`,
    `  2nd org     ${result.other.admin.email} / ${result.password}  key ${result.other.apiKey}`,
    `  Campaigns   ${result.demo.campaigns.map((c) => `${c.name} (${c.id})`).join(", ")}`,
    "",
  ];
  console.log(lines.join("\n"));
}
