/** A mistake in how netreach was invoked (bad argument, missing path): shown without a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}
