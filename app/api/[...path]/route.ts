// ANY /api/<unknown path> - a JSON 404 in the dialect of the path's family (TimePay, Flexydial, app)
import { unknownApiRoute } from "@/lib/api/unknown-route";
import { appDialect } from "@/lib/api/app-dialect";
import { flexydialDialect } from "@/lib/flexydial/dialect";
import { timepayDialect } from "@/lib/timepay/dialect";

const FLEXYDIAL = /^\/api\/(bulkphonebookupload|generate-token|upload-dnc|remove-dnc)(\/|$)/;

function dialectOf(pathname: string) {
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) return timepayDialect;
  return FLEXYDIAL.test(pathname) ? flexydialDialect : appDialect;
}

const handler = async (request: Request) => unknownApiRoute(dialectOf(new URL(request.url).pathname), request);

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
