// GET|POST /api/bulkphonebookupload/status/<job_id>/ - Flexydial: how far an upload job is
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { flexydialDialect } from "@/lib/flexydial/dialect";
import { uploadStatus } from "@/lib/flexydial/upload-status";

// The vendor's document says POST in its heading and GET in its text: both are served.
const status = withApi({ dialect: flexydialDialect, auth: "credential", readOnly: true }, async ({ auth, params }) =>
  uploadStatus(domainContext(auth, "flexydial_api"), params.job_id),
);

export { status as GET, status as POST };
