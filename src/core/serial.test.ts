import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial';

describe('SerialQueue', () => {
  it('runs each task only after the previous one has settled, failed ones included', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const first = queue.run(
      () =>
        new Promise<string>((resolve) => {
          log.push('first starts');
          release = () => resolve('first');
        }),
    );
    const second = queue.run(async () => {
      log.push('second starts');
      throw new Error('second fails');
    });
    const third = queue.run(async () => {
      log.push('third starts');
      return 'third';
    });
    await Promise.resolve();
    expect(log).toEqual(['first starts']);
    release();
    expect(await first).toBe('first');
    await expect(second).rejects.toThrow('second fails');
    expect(await third).toBe('third');
    expect(log).toEqual(['first starts', 'second starts', 'third starts']);
  });
});
