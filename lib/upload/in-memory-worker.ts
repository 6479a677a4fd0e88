import { UploadWorkerClient, type WorkerPort } from "./worker-client";
import { createUploadHandler } from "./worker-handler";

// The upload worker without a browser, for tests: the real handler behind a port that copies
// every message with structuredClone (transfers included), as postMessage does.

export function connectInMemory(): UploadWorkerClient {
  const handle = createUploadHandler();
  const listeners: ((event: MessageEvent) => void)[] = [];
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
