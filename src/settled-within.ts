/**
 * Whether `promise` settled (either way) within `ms`; it is not cancelled when it did not.
 *
 * @example
 * if (!(await settledWithin(reminders.stop(), 2000))) logger.warn("reminders still sending");
 */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, expired]);
  } finally {
    clearTimeout(timer);
  }
}
