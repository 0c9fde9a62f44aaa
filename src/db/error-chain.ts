/** drizzle wraps a driver's error in its own; a few levels of `cause` are enough to reach it. */
const MAX_CAUSE_DEPTH = 4;

/** `error` and the errors it wraps through `cause`, outermost first. */
export function* errorChain(error: unknown): Generator<Error> {
  let current = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && current instanceof Error; depth += 1) {
    yield current;
    current = current.cause;
  }
}
