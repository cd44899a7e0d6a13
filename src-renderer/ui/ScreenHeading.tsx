import type { ReactNode } from 'react';
import { useFocusOnMount } from './use-focus-on-mount';

export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
