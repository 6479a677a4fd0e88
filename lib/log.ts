// Structured logs on stderr. Phone numbers and record contents never go here (PII).

export function logError(message: string, error: unknown, context: Record<string, unknown> = {}) {
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { error: String(error) };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message, ...context, ...detail }));
}

export function logInfo(message: string, context: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...context }));
}
