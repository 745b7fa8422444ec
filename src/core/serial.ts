/**
 * Runs tasks one after another, in the order they were given; a task that fails does not stop
 * the next. For writers that read, await and then write, and must not interleave.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
