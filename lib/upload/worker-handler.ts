import { UploadError } from "./read-upload";
import { UploadSession } from "./upload-session";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol";

// The Web Worker's side of the protocol, apart from `self` so tests can drive it directly.
// Requests run one at a time in arrival order, so a slow read never interleaves with an edit.

export type Answer = { response: WorkerResponse; transfer: Transferable[] };

export function createUploadHandler(session = new UploadSession()): (request: WorkerRequest) => Promise<Answer> {
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const answer = queue.then(() => run(session, request));
    queue = answer;
    return answer;
  };
}

async function run(session: UploadSession, request: WorkerRequest): Promise<Answer> {
  try {
    const output = await dispatch(session, request);
    const transfer = output instanceof Object && "rows" in output && output.rows instanceof Int32Array ? [output.rows.buffer] : [];
    return { response: { id: request.id, ok: true, output }, transfer };
  } catch (error) {
    return { response: { id: request.id, ok: false, error: messageOf(error) }, transfer: [] };
  }
}

// Typed per call by WorkerCalls on the client's side; here each case returns its method's result.
function dispatch(session: UploadSession, request: WorkerRequest): unknown {
  switch (request.type) {
    case "open":
      return session.open(request.input.name, request.input.data);
    case "reopen":
      return session.reopen(request.input);
    case "selectSheet":
      return session.selectSheet(request.input.sheet);
    case "setHeader":
      return session.setHeader(request.input.headerRow);
    case "prepare": {
      const { headerRow, mapping, schema, policy } = request.input;
      return session.prepare(headerRow, mapping, schema, policy);
    }
    case "review":
      return session.review(request.input.mapping, request.input.schema, request.input.policy);
    case "select":
      return { rows: session.select(request.input.filter) };
    case "rows":
      return { rows: session.rowViews(request.input.rows) };
    case "edit":
      return session.edit(request.input);
    case "replace":
      return session.replace(request.input.spec, request.input.dryRun);
    case "remove":
      return session.remove(request.input.rows);
    case "undo":
      return session.undo();
    case "redo":
      return session.redo();
    case "checkBatch":
      return session.checkBatch(request.input.campaignId, request.input.limit);
    case "checkResult":
      return session.checkResult(request.input.sent, request.input.answer);
    case "startSubmit":
      return session.startSubmit();
    case "chunkBody":
      return session.chunkBody(request.input.chunk);
    case "chunkResult":
      return session.chunkResult(request.input.chunk, request.input.answer);
    case "outcome":
      return session.outcome();
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
