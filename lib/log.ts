import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";
import { maskLogObject, maskText } from "@/lib/log-mask";

// Structured JSON lines (pino), one object per line on stdout. Phone numbers and names are masked
// on the way out (lib/log-mask.ts); record contents are never passed in. The level comes from
// LOG_LEVEL (lib/env.ts; silent under vitest).

export function createLogger(destination?: DestinationStream, level: string = env.LOG_LEVEL): Logger {
  return pino(
    {
      level,
      base: undefined,
      messageKey: "message",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => maskLogObject(object),
      },
      hooks: {
        logMethod(args, method) {
          // Messages are fixed labels, but mask them too in case a caller interpolated a value.
          method.apply(this, args.map((arg) => (typeof arg === "string" ? maskText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export const logger: Logger = createLogger();

export function logError(message: string, error: unknown, context: Record<string, unknown> = {}) {
  const detail = error instanceof Error ? { name: error.name, error: error.message, stack: error.stack } : { error: String(error) };
  logger.error({ ...context, ...detail }, message);
}

export function logInfo(message: string, context: Record<string, unknown> = {}) {
  logger.info(context, message);
}
