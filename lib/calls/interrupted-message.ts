// Its own file so that auto-pause (which ignores these attempts) and recovery (which writes them)
// do not import each other.

/** errorMessage of an interrupted attempt (our worker died, not the provider: auto-pause ignores it). */
export const INTERRUPTED_MESSAGE = "Interrupted: the worker placing this call stopped before the dialer answered (not redialled)";
