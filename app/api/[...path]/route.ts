// ANY /api/<unknown path> - a JSON 404 in the dialect of the path's family (TimePay, Flexydial, app)
import { unknownApiRoute } from "@/lib/api/unknown-route";

const handler = async (request: Request) => unknownApiRoute(request);

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
