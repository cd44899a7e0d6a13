import { useCallback, useState, type KeyboardEvent } from 'react';

/**
 * One Tab stop for a long list (the bundle index, 2,000 thumbnails): the arrow keys, Home and End move
 * between its items (elements with `data-roving-key`), Tab leaves it. The item last focused keeps the
 * Tab stop, so coming back returns to the same place.
 */
export function useRovingFocus(initialKey: string | null) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const current = focusKey ?? initialKey;

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-roving-key]')];
    if (items.length === 0) return;
    const at = items.findIndex((item) => item === document.activeElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    const target = items[next];
    if (!target) return;
    event.preventDefault();
    target.focus();
    setFocusKey(target.dataset.rovingKey ?? null);
  }, []);

  const itemProps = useCallback(
    (key: string) => ({
      'data-roving-key': key,
      tabIndex: key === current ? 0 : -1,
      onFocus: () => setFocusKey(key),
    }),
    [current],
  );

  return { onKeyDown, itemProps, focusKey: current };
}
