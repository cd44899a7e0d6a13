import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';

/**
 * A fault inside one pane (a pdf.js surprise, a bug of ours) stays in that pane: the reader sees what
 * happened and can close or reopen it, and the rest of the app carries on.
 */
export class ViewerErrorBoundary extends Component<{ children: ReactNode; onReset?: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The name only: messages and stacks can carry document text.
    console.error('viewer pane failed:', error instanceof Error ? error.name : typeof error, info.componentStack?.split('\n').length ?? 0);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="viewer-failure" role="alert">
        <p>{i18next.t('viewer.failure.crashed')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onReset?.();
          }}
        >
          {i18next.t('viewer.failure.retry')}
        </button>
      </div>
    );
  }
}
