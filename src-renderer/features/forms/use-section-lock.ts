import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormView, SectionLockView } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';

export interface SectionLocks {
  /** Focus went into an editable part: ask CP for its edit lock (once), leaving the previous part's. */
  enter(partId: string): void;
  /** What to show for a part's lock. */
  lockOf(partId: string): SectionLockView;
}

/**
 * CP locks a form section (a part) while someone edits it. The lock is asked for when the user starts
 * editing a part, released when they move to another part or leave the form; main extends it while
 * they keep typing (each save names the part).
 */
export function useSectionLocks(formId: string, view: FormView | null): SectionLocks {
  const editing = useRef<string | null>(null);
  const [asked, setAsked] = useState<{ partId: string; lock: SectionLockView } | null>(null);

  const enter = useCallback(
    (partId: string) => {
      if (editing.current === partId) return;
      const previous = editing.current;
      editing.current = partId;
      if (previous !== null) void bridge.call('forms.endEdit', { formId, section: previous });
      void bridge.call('forms.beginEdit', { formId, section: partId }).then((result) => {
        if (editing.current !== partId) return;
        // An error asking for the lock is treated like being offline: the answers stay a draft.
        setAsked({ partId, lock: result.ok ? result.value : { state: 'unavailable' } });
      });
    },
    [formId],
  );

  useEffect(
    () => () => {
      if (editing.current !== null) void bridge.call('forms.endEdit', { formId, section: editing.current });
      editing.current = null;
    },
    [formId],
  );

  const lockOf = (partId: string): SectionLockView => {
    const known = view?.sections.find((section) => section.section === partId)?.lock ?? { state: 'free' };
    // Main's view knows held and taken locks; only the answer to our own request knows "offline".
    if (asked?.partId === partId && known.state === 'free') return asked.lock;
    return known;
  };

  return { enter, lockOf };
}
