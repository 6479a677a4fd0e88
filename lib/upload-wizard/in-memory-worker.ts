import { UploadWorkerClient, type WorkerPort } from "./worker-client";
import { UploadSession } from "./upload-session";
import { createUploadHandler } from "./worker-handler";

// The upload worker without a browser, for tests: the real handler behind a port that copies
// every message with structuredClone (transfers included), as postMessage does.

/** `fetch`: what the worker's requests to the app's routes go to (a stand-in server in tests). */
export function connectInMemory(fetch?: typeof globalThis.fetch): UploadWorkerClient {
  const listeners: ((event: MessageEvent) => void)[] = [];
  const handle = createUploadHandler(new UploadSession(fetch), (event) => {
    const copy = structuredClone(event);
    for (const listener of listeners) listener({ data: copy } as MessageEvent);
  });
  const port: WorkerPort = {
    postMessage(message, transfer) {
      const received = structuredClone(message, { transfer });
      void handle(received).then(({ response, transfer: back }) => {
        const answer = structuredClone(response, { transfer: back });
        for (const listener of listeners) listener({ data: answer } as MessageEvent);
      });
    },
    addEventListener(type: "message" | "error", listener: (event: never) => void) {
      if (type === "message") listeners.push(listener as (event: MessageEvent) => void);
    },
    terminate() {},
  };
  return new UploadWorkerClient(port);
}
