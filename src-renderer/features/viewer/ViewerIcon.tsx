/** The viewer's tool icons: inline SVG (no icon font, no remote asset), hidden from assistive technology
 * because every button that shows one has its own accessible name. */
const PATHS = {
  previous: 'M15 5 8 12l7 7',
  next: 'm9 5 7 7-7 7',
  minus: 'M5 12h14',
  plus: 'M12 5v14M5 12h14',
  rotateClockwise: 'M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5',
  rotateAnticlockwise: 'M4 12a8 8 0 1 0 2.34-5.66M4 4v5h5',
  up: 'm6 15 6-6 6 6',
  down: 'm6 9 6 6 6-6',
  close: 'M6 6l12 12M18 6 6 18',
} as const;

export type IconName = keyof typeof PATHS;

export function ViewerIcon({ name }: { name: IconName }) {
  return (
    <svg className="viewer-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
