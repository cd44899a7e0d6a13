import { readFile } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../../../src-main/core/sync/event-loop-turn';

describe('yieldToEventLoop', () => {
  it('called from an I/O callback (where a response arrives), resumes only after the timers that fell due meanwhile have run (the lag monitor, the UI’s own)', async () => {
    const order: string[] = [];
    await new Promise<void>((done) => {
      readFile(import.meta.filename, () => {
        setTimeout(() => order.push('timer'), 0);
        // The work done on the response before yielding (parsing and validating a page): the timer is due.
        const until = performance.now() + 5;
        while (performance.now() < until);
        void yieldToEventLoop().then(() => {
          order.push('resumed');
          done();
        });
      });
    });
    expect(order.indexOf('timer')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('resumed'));
  });
});
