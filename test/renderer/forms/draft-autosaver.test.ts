import { describe, expect, it } from 'vitest';
import type { CallResult, FormView } from '../../../src-preload/api';
import type { Answers } from '../../../src-renderer/features/forms/answer-paths';
import { DraftAutosaver, type SaveState } from '../../../src-renderer/features/forms/draft-autosaver';
import { FormCallQueue } from '../../../src-renderer/features/forms/form-call-queue';

const PATH_ITEMS = 'part3.defenceWitnesses';

/** Main as far as the screen can tell: it keeps the saved answers and answers each call with them. */
function fakeMain() {
  let stored: Answers = {};
  const answer = (): Promise<CallResult<FormView>> => Promise.resolve({ ok: true, value: { answers: stored } as unknown as FormView });
  return {
    saved: () => stored,
    save: (answers: Answers) => () => {
      stored = answers;
      return answer();
    },
    get: () => () => answer(),
  };
}

function autosaver(queue: FormCallQueue, main: ReturnType<typeof fakeMain>, states: SaveState[] = []) {
  const shown: Answers[] = [];
  const saver = new DraftAutosaver({
    initial: {},
    save: (answers) => queue.enqueue(main.save(answers)),
    onAnswers: (answers) => shown.push(answers),
    onSaveState: (state) => states.push(state),
    delayMs: 5,
  });
  return { saver, shown };
}

const answersOf = (result: CallResult<FormView>): Answers => (result.ok ? result.value.answers : {});

describe('the form screen’s call queue', () => {
  it('starts a call only once the one before it has answered, and numbers them in order', async () => {
    const queue = new FormCallQueue();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const first = queue.enqueue(
      () =>
        new Promise<string>((resolve) => {
          events.push('first started');
          release = () => resolve('first');
        }),
    );
    const second = queue.enqueue(() => {
      events.push('second started');
      return Promise.resolve('second');
    });
    expect([first.seq, second.seq]).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(['first started']);
    release();
    expect(await second.answer).toBe('second');
    expect(await first.answer).toBe('first');
    expect(events).toEqual(['first started', 'second started']);
  });

  it('does not let a call that throws hold up the ones behind it', async () => {
    const queue = new FormCallQueue();
    const failed = queue.enqueue(() => Promise.reject(new Error('transport gone')));
    const next = queue.enqueue(() => Promise.resolve('next'));
    await expect(failed.answer).rejects.toThrow('transport gone');
    expect(await next.answer).toBe('next');
  });
});

describe('answers coming back from main', () => {
  it('a read queued before the newest save never takes away what was added, however late it is looked at', async () => {
    const queue = new FormCallQueue();
    const main = fakeMain();
    const { saver } = autosaver(queue, main);

    saver.change('part3.realIssues', 'Identification', 'part3');
    const firstSave = saver.flush();
    // The first save's "form changed" event: the screen reads the form again.
    const read = queue.enqueue(main.get());
    // Meanwhile the user adds a witness, and leaving the button saves it.
    saver.change(PATH_ITEMS, [{ itemId: 'w1' }], 'part3');
    const secondSave = saver.flush();
    await firstSave;
    const readAnswers = answersOf(await read.answer);
    await secondSave;
    expect(readAnswers).not.toHaveProperty(['part3', 'defenceWitnesses']);

    // React looks at the read's view only now, after every call has answered and nothing is in flight.
    expect(saver.offer(readAnswers, read.seq)).toBe(false);
    expect(saver.answers).toEqual({ part3: { realIssues: 'Identification', defenceWitnesses: [{ itemId: 'w1' }] } });
    // The newest save's own answer, and any read queued after it, are taken.
    const later = queue.enqueue(main.get());
    expect(saver.offer(answersOf(await later.answer), later.seq)).toBe(true);
    expect(saver.answers).toEqual(main.saved());
  });

  it('keeps what was typed while it waits to be saved, and saves it', async () => {
    const queue = new FormCallQueue();
    const main = fakeMain();
    const { saver, shown } = autosaver(queue, main);
    saver.change('part3.realIssues', 'Alibi', 'part3');
    const cpCopy = queue.enqueue(main.get());
    expect(saver.offer(answersOf(await cpCopy.answer), cpCopy.seq)).toBe(false);
    expect(shown.at(-1)).toEqual({ part3: { realIssues: 'Alibi' } });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the debounce saves it
    await saver.flush();
    expect(main.saved()).toEqual({ part3: { realIssues: 'Alibi' } });
  });

  it('takes main’s answers when nothing here is newer (CP’s copy, a merge, a discard)', async () => {
    const queue = new FormCallQueue();
    const main = fakeMain();
    const { saver, shown } = autosaver(queue, main);
    const merged = { part3: { realIssues: 'Merged with CP' } };
    expect(saver.offer(merged, queue.enqueue(main.get()).seq)).toBe(true);
    expect(saver.answers).toBe(merged);
    expect(shown.at(-1)).toBe(merged);
  });
});

describe('the saving state', () => {
  it('says saved only when the newest save is in', async () => {
    const queue = new FormCallQueue();
    const main = fakeMain();
    const states: SaveState[] = [];
    const { saver } = autosaver(queue, main, states);
    saver.change('part3.realIssues', 'a', 'part3');
    const first = saver.flush();
    saver.change('part3.realIssues', 'ab', 'part3');
    const second = saver.flush();
    await first;
    expect(states.at(-1)).toEqual({ state: 'unsaved' });
    await second;
    expect(states.at(-1)).toEqual({ state: 'saved' });
  });

  it('says a save failed, with why', async () => {
    const queue = new FormCallQueue();
    const states: SaveState[] = [];
    const saver = new DraftAutosaver({
      initial: {},
      save: () => queue.enqueue(() => Promise.resolve({ ok: false, error: { code: 'unavailable', messageKey: 'errors.hostUnreachable' } })),
      onAnswers: () => undefined,
      onSaveState: (state) => states.push(state),
    });
    saver.change('part3.realIssues', 'a', 'part3');
    await saver.flush();
    expect(states.at(-1)).toEqual({ state: 'failed', error: { code: 'unavailable', messageKey: 'errors.hostUnreachable' } });
  });
});
