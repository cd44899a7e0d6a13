import { afterEach, describe, expect, it, vi } from 'vitest';
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
    save: (answers) => queue.enqueue(main.save(answers), 'write'),
    onAnswers: (answers) => shown.push(answers),
    onSaveState: (state) => states.push(state),
    delayMs: 5,
  });
  return { saver, shown };
}

afterEach(() => {
  vi.useRealTimers();
});

const answersOf = (result: CallResult<FormView>): Answers => (result.ok ? result.value.answers : {});

/** Calls that log when they start; a held one answers only when released. */
function loggedCalls() {
  const events: string[] = [];
  let release: () => void = () => undefined;
  return {
    events,
    release: () => release(),
    held: (name: string) => () =>
      new Promise<string>((resolve) => {
        events.push(`${name} started`);
        release = () => resolve(name);
      }),
    quick: (name: string) => () => {
      events.push(`${name} started`);
      return Promise.resolve(name);
    },
  };
}

describe('the form screen’s call queue', () => {
  it('starts a call only once the one before it has answered, and numbers them in order', async () => {
    const queue = new FormCallQueue();
    const calls = loggedCalls();
    const first = queue.enqueue(calls.held('first'), 'write');
    const second = queue.enqueue(calls.quick('second'), 'read');
    expect([first.seq, second.seq]).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls.events).toEqual(['first started']);
    calls.release();
    expect(await second.answer).toBe('second');
    expect(await first.answer).toBe('first');
    expect(calls.events).toEqual(['first started', 'second started']);
  });

  it('lets a write go while a read is still out, and starts a read only after every call before it', async () => {
    const queue = new FormCallQueue();
    const calls = loggedCalls();
    const read = queue.enqueue(calls.held('read'), 'read');
    // The save made as the window closes must not wait for a read that may never answer in time.
    const save = queue.enqueue(calls.quick('save'), 'write');
    const nextRead = queue.enqueue(calls.quick('next read'), 'read');
    expect(await save.answer).toBe('save');
    expect(calls.events).toEqual(['read started', 'save started']);
    calls.release();
    expect(await nextRead.answer).toBe('next read');
    expect(await read.answer).toBe('read');
    expect(calls.events).toEqual(['read started', 'save started', 'next read started']);
  });

  it('does not let a call that throws hold up the ones behind it', async () => {
    const queue = new FormCallQueue();
    const failed = queue.enqueue(() => Promise.reject(new Error('transport gone')), 'write');
    const next = queue.enqueue(() => Promise.resolve('next'), 'write');
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
    const read = queue.enqueue(main.get(), 'read');
    // Meanwhile the user adds a witness, and leaving the button saves it.
    saver.change(PATH_ITEMS, [{ itemId: 'w1' }], 'part3');
    const secondSave = saver.flush();
    await Promise.all([firstSave, read.answer, secondSave]);
    // What that read answers when main (or the transport) took it before the second save.
    const readAnswers = { part3: { realIssues: 'Identification' } };

    // React looks at the read's view only now, after every call has answered and nothing is in flight.
    expect(saver.offer(readAnswers, read.seq)).toBe(false);
    expect(saver.answers).toEqual({ part3: { realIssues: 'Identification', defenceWitnesses: [{ itemId: 'w1' }] } });
    // The newest save's own answer, and any read queued after it, are taken.
    const later = queue.enqueue(main.get(), 'read');
    expect(saver.offer(answersOf(await later.answer), later.seq)).toBe(true);
    expect(saver.answers).toEqual(main.saved());
  });

  it('keeps what was typed while it waits to be saved, and saves it once typing pauses', async () => {
    vi.useFakeTimers();
    const queue = new FormCallQueue();
    const main = fakeMain();
    const { saver, shown } = autosaver(queue, main);
    saver.change('part3.realIssues', 'Alibi', 'part3');
    const cpCopy = queue.enqueue(main.get(), 'read');
    expect(saver.offer(answersOf(await cpCopy.answer), cpCopy.seq)).toBe(false);
    expect(shown.at(-1)).toEqual({ part3: { realIssues: 'Alibi' } });
    expect(main.saved()).toEqual({});
    await vi.advanceTimersByTimeAsync(5);
    expect(main.saved()).toEqual({ part3: { realIssues: 'Alibi' } });
  });

  it('takes main’s answers queued after the last save (a merge, a discard, CP’s newer copy)', async () => {
    const queue = new FormCallQueue();
    const main = fakeMain();
    const { saver, shown } = autosaver(queue, main);
    saver.change('part3.realIssues', 'Mine', 'part3');
    expect(await saver.flush()).toBe(true);
    const merged = { part3: { realIssues: 'Merged with CP' } };
    const resolve = queue.enqueue((): Promise<CallResult<FormView>> => Promise.resolve({ ok: true, value: { answers: merged } as unknown as FormView }), 'write');
    expect(saver.offer(answersOf(await resolve.answer), resolve.seq)).toBe(true);
    expect(saver.answers).toBe(merged);
    expect(shown.at(-1)).toBe(merged);
  });

  it('after a save fails, keeps the unsaved answers against main’s, and the next flush saves them', async () => {
    const queue = new FormCallQueue();
    const main = fakeMain();
    let refuse = true;
    const saver = new DraftAutosaver({
      initial: {},
      save: (answers) =>
        queue.enqueue(() => (refuse ? Promise.resolve({ ok: false, error: { code: 'internal', messageKey: 'errors.diskFull' } }) : main.save(answers)()), 'write'),
      onAnswers: () => undefined,
      onSaveState: () => undefined,
    });
    saver.change('part3.realIssues', 'Not yet on disk', 'part3');
    expect(await saver.flush()).toBe(false);
    // A lock change makes main say the form changed; its read must not put back the answers from before.
    const read = queue.enqueue(main.get(), 'read');
    expect(saver.offer(answersOf(await read.answer), read.seq)).toBe(false);
    expect(saver.answers).toEqual({ part3: { realIssues: 'Not yet on disk' } });
    refuse = false;
    expect(await saver.flush()).toBe(true);
    expect(main.saved()).toEqual({ part3: { realIssues: 'Not yet on disk' } });
  });

  it('drops what waits when the user throws the draft away, so the discard’s answer shows', async () => {
    vi.useFakeTimers();
    const queue = new FormCallQueue();
    const main = fakeMain();
    const { saver } = autosaver(queue, main);
    saver.change('part3.realIssues', 'Thrown away', 'part3');
    saver.forget();
    const discard = queue.enqueue(main.get(), 'write');
    expect(saver.offer(answersOf(await discard.answer), discard.seq)).toBe(true);
    expect(saver.answers).toEqual({});
    await vi.advanceTimersByTimeAsync(20); // no save goes after the discard
    expect(main.saved()).toEqual({});
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
      save: () => queue.enqueue(() => Promise.resolve({ ok: false, error: { code: 'unavailable', messageKey: 'errors.hostUnreachable' } }), 'write'),
      onAnswers: () => undefined,
      onSaveState: (state) => states.push(state),
    });
    saver.change('part3.realIssues', 'a', 'part3');
    await saver.flush();
    expect(states.at(-1)).toEqual({ state: 'failed', error: { code: 'unavailable', messageKey: 'errors.hostUnreachable' } });
  });
});
