// Registers every queue consumer. `npm run worker` and the app launcher both call startWorkers();
// consumers are added by the features that enqueue work (Flexydial uploads, calls, workflows).

export type Workers = { stop(): Promise<void> };

export async function startWorkers(): Promise<Workers> {
  return { async stop() {} };
}
