import { Component, type ReactNode } from 'react';
import { ErrorState } from './states';

/**
 * Catches a page that failed to render or whose code failed to load (e.g. a stale tab
 * after an upgrade removed its chunk) and offers a reload instead of a blank screen.
 */
export class PageBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    // Navigating elsewhere gives the next page a fresh start.
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <ErrorState error={this.state.error} retry={() => window.location.reload()} />;
    return this.props.children;
  }
}
