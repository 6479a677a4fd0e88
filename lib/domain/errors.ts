// Errors the domain throws. They name what went wrong in plain words and carry no HTTP: each
// contract adapter (lib/timepay, lib/flexydial) and the app's own routes map a kind to their own
// status code and body.

export type DomainErrorKind = "not_found" | "forbidden" | "conflict" | "invalid";

export type DomainErrorDetails = {
  /** What was not found / conflicts ("campaign", "agent", "disposition", "customer", …). */
  resource?: string;
  /** The input field the problem is about, when there is one. */
  field?: string;
  /** The value the problem is about, as the caller sent it (a name, a number). */
  value?: string;
  /** One message per problem, for validation failures. */
  issues?: string[];
};

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** The resource does not exist in the caller's organization. */
export class NotFound extends DomainError {
  constructor(message: string, details: DomainErrorDetails = {}) {
    super("not_found", message, details);
  }
}

/** The resource exists but belongs to another organization, or the actor lacks the role. */
export class Forbidden extends DomainError {
  constructor(message: string, details: DomainErrorDetails = {}) {
    super("forbidden", message, details);
  }
}

/** The write would break a uniqueness or state rule (a duplicate name, a resource in use). */
export class Conflict extends DomainError {
  constructor(message: string, details: DomainErrorDetails = {}) {
    super("conflict", message, details);
  }
}

/** The input is well-formed JSON but breaks a domain rule; `issues` lists each problem. */
export class Invalid extends DomainError {
  constructor(message: string, details: DomainErrorDetails = {}) {
    super("invalid", message, details);
  }
}
