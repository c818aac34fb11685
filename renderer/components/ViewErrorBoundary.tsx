// Around every view: a render bug shows an ErrorPanel in that view instead of blanking the
// window. Resets when the route changes (resetKey) or on Retry.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { translate } from '../i18n/translate'
import { ErrorPanel } from './ErrorPanel'

interface Props {
  readonly resetKey: string
  readonly children: ReactNode
}

interface State {
  readonly error: Error | undefined
  readonly resetKey: string
}

export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: undefined, resetKey: props.resetKey }
    return null
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Strata view failed to render', error, info.componentStack)
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <ErrorPanel
          error={{
            code: 'INTERNAL',
            message: translate('errors:boundary.viewFailed', {
              reason: this.state.error.message,
            }),
          }}
          onRetry={() => this.setState({ error: undefined })}
        />
      )
    }
    return this.props.children
  }
}
