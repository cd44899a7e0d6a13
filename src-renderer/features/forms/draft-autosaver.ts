import type { CallResult, ContractError, FormView } from '../../../src-preload/api';
import { withAnswerAt, type Answers } from './answer-paths';

/** Long enough to save once per pause in typing, short enough that a crash loses at most a word or two. */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveState = { state: 'saved' } | { state: 'unsaved' } | { state: 'failed'; error: ContractError };

export interface DraftAutosaverOptions {
  readonly initial: Answers;
  /** Queues `forms.saveDraft` with these answers and the part being edited: its place in the call order, and its answer. */
  save(answers: Answers, section: string): { seq: number; answer: Promise<CallResult<FormView>> };
  /** The answers to show changed (typed here, or taken from main). */
  onAnswers(answers: Answers): void;
  onSaveState(state: SaveState): void;
  readonly delayMs?: number;
}

/**
 * The answers on screen and their way to main: every change is saved at once (debounced), saves queue
 * one after another, and answers coming back from main replace what is shown only when they are at
 * least as new as the last save. A view is judged by its place in the call order, never by what is in
 * flight when it happens to be looked at: React can look at a read's view late, after a newer save has
 * already come back, and that read's answers would take away what the user just added (a new witness
 * vanished for a frame and came back without the cursor in it).
 */
export class DraftAutosaver {
  readonly #o: DraftAutosaverOptions;
  #answers: Answers;
  /** The part whose change waits to be saved. */
  #pending: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastSave: Promise<void> = Promise.resolve();
  #lastSaveSeq = 0;

  constructor(options: DraftAutosaverOptions) {
    this.#o = options;
    this.#answers = options.initial;
  }

  get answers(): Answers {
    return this.#answers;
  }

  /** Sets one answer (undefined removes it) in the part being edited, and saves it shortly. */
  readonly change = (path: string, value: unknown, partId: string): void => {
    this.#answers = withAnswerAt(this.#answers, path, value);
    this.#pending = partId;
    this.#o.onAnswers(this.#answers);
    this.#o.onSaveState({ state: 'unsaved' });
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#o.delayMs ?? AUTOSAVE_DELAY_MS);
  };

  /**
   * Saves at once whatever is waiting (on blur, leaving the part or the screen, before submitting).
   * Answers whether everything typed is now saved: a submit must not send the copy from before it.
   */
  readonly flush = (): Promise<boolean> => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const section = this.#pending;
    if (section !== null) {
      this.#pending = null;
      const { seq, answer } = this.#o.save(this.#answers, section);
      this.#lastSaveSeq = seq;
      const failed = (error: ContractError) => {
        // Still unsaved: main's answers must not replace it, and the next flush tries again.
        this.#pending ??= section;
        this.#o.onSaveState({ state: 'failed', error });
      };
      this.#lastSave = answer.then(
        (result) => {
          if (!result.ok) failed(result.error);
          // "Saved" only once the newest save is in, and nothing typed since waits.
          else if (seq === this.#lastSaveSeq) this.#o.onSaveState(this.#pending === null ? { state: 'saved' } : { state: 'unsaved' });
        },
        () => failed({ code: 'internal', messageKey: 'errors.internal' }),
      );
    }
    return this.#lastSave.then(() => this.#pending === null);
  };

  /** Drops what waits to be saved: the user is throwing the draft away, and main's answers come next. */
  readonly forget = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  };

  /**
   * Answers from main (first load, CP's copy arriving, a merge, a discard), from the call queued as
   * `seq`. They replace what is shown unless something typed here waits to be saved, or a save was
   * queued after that call: then what is shown is newer, and the next save carries it.
   */
  offer(answers: Answers, seq: number): boolean {
    if (this.#pending !== null || seq < this.#lastSaveSeq) return false;
    this.#answers = answers;
    this.#o.onAnswers(answers);
    return true;
  }
}
