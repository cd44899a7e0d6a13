import { useStore } from 'zustand';
import type { PaneController } from './pane-controller';
import type { PaneState } from './pane-state';

/** Reads a slice of a pane's state; the component re-renders only when that slice changes. */
export function usePane<T>(controller: PaneController, selector: (state: PaneState) => T): T {
  return useStore(controller.store, selector);
}
