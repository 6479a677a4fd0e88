import type { QueueConsumer } from "@/lib/jobs/workers";
import { startInterruptedUploadsSweep } from "@/lib/jobs/interrupted-uploads-sweep";

/** The interrupted-upload sweep, run by every queue worker (listed in scripts/queue-consumers.ts). */
export const interruptedUploadsSweep: QueueConsumer = { name: "interrupted-uploads-sweep", start: async () => startInterruptedUploadsSweep() };
