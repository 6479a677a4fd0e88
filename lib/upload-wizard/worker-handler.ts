import { UploadError } from "./read-upload";
import { UploadSession } from "./upload-session";
import { ChunkedSubmission, type SubmitProgress } from "./chunked-submit";
import type { WorkerCalls, WorkerEvent, WorkerRequest, WorkerResponse } from "./worker-protocol";

// The Web Worker's side of the protocol, apart from `self` so tests can drive it directly.
// Requests run one at a time in arrival order, so a slow read never interleaves with an edit.
// The submission runs beside the queue, so its cancel is heard while a chunk is in flight; its
// progress goes out as events through `emit`.

export type Answer = { response: WorkerResponse; transfer: Transferable[] };

export function createUploadHandler(
  session = new UploadSession(),
  emit: (event: WorkerEvent) => void = () => {},
): (request: WorkerRequest) => Promise<Answer> {
  let queue: Promise<unknown> = Promise.resolve();
  let running: ChunkedSubmission | null = null;
  const idle = (): never => {
    throw new Error("No upload is being sent.");
  };
  const submit = async (input: WorkerCalls["submit"]["input"]): Promise<SubmitProgress> => {
    const { resume, ...deps } = input;
    const run = new ChunkedSubmission({
      ...deps,
      steps: session.submission,
      ...(resume && { resume }),
      onProgress: (progress) => emit({ event: "submitProgress", progress }),
    });
    running = run;
    return run.start(() => emit({ event: "submitPlan", rows: session.submission.plan(), key: input.key }));
  };
  const queued = <T>(work: () => T | Promise<T>): Promise<T> => {
    const done = queue.then(work);
    queue = done.catch(() => {});
    return done;
  };
  return (request) => {
    // The campaign check waits for the server outside the queue, so edits go on meanwhile.
    if (request.type === "checkNext") return run(request, () => checkNext(session, request.input, queued));
    if (request.type === "submit") return run(request, () => submit(request.input));
    if (request.type === "submitRetry") return run(request, () => (running ? running.retry() : idle()));
    if (request.type === "submitCancel") return run(request, () => (running ? running.cancel() : idle()));
    return queued(() => run(request, () => dispatch(session, request)));
  };
}

async function checkNext(session: UploadSession, input: { campaignId: string; limit: number }, queued: <T>(work: () => T) => Promise<T>) {
  const batch = await queued(() => session.review.checkBatch(input.campaignId, input.limit));
  if (batch === null) return null;
  const answer = await session.review.sendCheck(batch.body);
  return queued(() => session.review.checkResult(batch, answer));
}

async function run(request: WorkerRequest, work: () => unknown): Promise<Answer> {
  try {
    const output = await work();
    const transfer = output instanceof Object && "rows" in output && output.rows instanceof Int32Array ? [output.rows.buffer] : [];
    return { response: { id: request.id, ok: true, output }, transfer };
  } catch (error) {
    return { response: { id: request.id, ok: false, error: messageOf(error) }, transfer: [] };
  }
}

// Typed per call by WorkerCalls on the client's side; here each case returns its method's result.
function dispatch(session: UploadSession, request: WorkerRequest): unknown {
  const { reading, review, submission } = session;
  switch (request.type) {
    case "open":
      return session.open(request.input.name, request.input.data);
    case "reopen":
      return session.reopen(request.input);
    case "selectSheet":
      return session.selectSheet(request.input.sheet);
    case "setHeader":
      return reading.setHeader(request.input.headerRow);
    case "prepare": {
      const { headerRow, mapping, schema, policy, duplicatesBy, dates, values, numbers, detect } = request.input;
      const choices = { values: values ?? {}, numbers: numbers ?? null };
      return review.prepare(headerRow, mapping, schema, policy, duplicatesBy, dates, choices, detect ?? null);
    }
    case "valueColumns": {
      const { headerRow, mapping, schema, fallback } = request.input;
      return review.valueColumns(headerRow, mapping, schema, fallback);
    }
    case "dateColumns": {
      const { headerRow, mapping, schema, dayFirst } = request.input;
      return { columns: review.dateColumns(headerRow, mapping, schema, dayFirst) };
    }
    case "review":
      return session.reviewRows(
        request.input.mapping,
        request.input.schema,
        request.input.policy,
        request.input.duplicatesBy,
        request.input.dates,
        { values: request.input.values ?? {}, numbers: request.input.numbers ?? null },
      );
    case "select": {
      const rows = review.select(request.input.filter);
      return { rows, first: review.rowViews(Array.from(rows.subarray(0, request.input.first ?? 0))) };
    }
    case "rows":
      return { rows: review.rowViews(request.input.rows) };
    case "edit":
      return review.edit(request.input);
    case "replace":
      return review.replace(request.input.spec, request.input.dryRun);
    case "remove":
      return review.remove(request.input.rows);
    case "undo":
      return review.undo();
    case "redo":
      return review.redo();
    case "checkNext":
      throw new Error("checkNext is run by the handler itself");
    case "submit":
    case "submitRetry":
    case "submitCancel":
      throw new Error(`${request.type} is run by the handler itself`);
    case "outcome":
      return submission.current().outcome();
    case "report":
      return session.report(request.input.kind);
  }
}

// UploadErrors are written for the operator; anything else is a bug, said plainly.
function messageOf(error: unknown): string {
  if (error instanceof UploadError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The file could not be processed: ${detail}`;
}
