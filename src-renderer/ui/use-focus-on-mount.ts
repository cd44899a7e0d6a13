import { useEffect, useRef } from 'react';

/**
 * Moves keyboard and screen-reader focus to a screen's heading when the screen appears, so changing
 * screens announces where the user now is (the pattern GOV.UK uses for single-page journeys).
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
