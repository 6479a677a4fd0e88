import type { CallType, WorkerCalls, WorkerEvent, WorkerMessage, WorkerRequest, WorkerResponse } from "./worker-protocol";

// The wizard's side of the worker protocol: `await client.call("review", {...})`. Each call
// resolves with its own answer (matched by id) or rejects with the message to show. Events the
// worker sends unasked (a submission's progress) go to `onEvent` listeners; `onCalled` hears
// every call that succeeded, so the page can keep a journal of the operator's edits.

type Called = (call: Omit<WorkerRequest, "id">) => void;

/** What the client needs of a Worker; tests pass an in-memory stand-in. */
export type WorkerPort = {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  terminate(): void;
};

export class UploadWorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (output: unknown) => void; reject: (error: Error) => void }>();
  private broken: Error | null = null;
  private readonly eventListeners = new Set<(event: WorkerEvent) => void>();
  private readonly callListeners = new Set<Called>();

  constructor(private readonly port: WorkerPort) {
    port.addEventListener("message", (event) => {
      const message = event.data;
      if ("event" in message) for (const listener of this.eventListeners) listener(message);
      else this.settle(message);
    });
    port.addEventListener("error", (event) =>
      this.fail(new Error(`The file reader stopped: ${event.message || "it could not be loaded"}. Reload the page and try again.`)),
    );
  }

  call<K extends CallType>(type: K, input: WorkerCalls[K]["input"], transfer: Transferable[] = []): Promise<WorkerCalls[K]["output"]> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    const answer = new Promise<WorkerCalls[K]["output"]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (output: unknown) => void, reject });
      this.port.postMessage({ id, type, input } as WorkerRequest, transfer);
    });
    if (this.callListeners.size > 0)
      void answer.then(
        () => {
          for (const listener of this.callListeners) listener({ type, input } as WorkerRequest);
        },
        () => {},
      );
    return answer;
  }

  /** Hears the worker's events; returns the way to stop. */
  onEvent(listener: (event: WorkerEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Hears every call once it has succeeded (its type and input); returns the way to stop. */
  onCalled(listener: Called): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  dispose() {
    this.fail(new Error("The upload was closed."));
    this.port.terminate();
  }

  private settle(response: WorkerResponse) {
    const waiting = this.pending.get(response.id);
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.output);
    else waiting.reject(new Error(response.error));
  }

  private fail(error: Error) {
    this.broken = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** Browser only. Next's bundler turns the URL into the worker's own chunk. */
export function createUploadWorker(): UploadWorkerClient {
  const worker = new Worker(new URL("./upload.worker.ts", import.meta.url), { type: "module", name: "dialsheet-upload" });
  return new UploadWorkerClient(worker as unknown as WorkerPort);
}
