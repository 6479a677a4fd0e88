import { UploadSession } from "./upload-session";
import { createUploadHandler } from "./worker-handler";
import type { WorkerRequest } from "./worker-protocol";

// The upload wizard's Web Worker: reading, parsing and validating 100,000 rows happens here,
// so the page never freezes. Loaded with new Worker(new URL("./upload.worker.ts", import.meta.url)).

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createUploadHandler(new UploadSession(), (event) => scope.postMessage(event));

scope.addEventListener("message", async (event: MessageEvent<WorkerRequest>) => {
  const { response, transfer } = await handle(event.data);
  scope.postMessage(response, transfer);
});
