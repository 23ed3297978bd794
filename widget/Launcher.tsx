import { Component } from 'preact';
import { App, bootTexts, type AppProps } from './App';
import type { Commands } from './commands';
import type { Language } from '../shared/localized';

// Without a [data-koers] element: a floating button that opens the flow in a modal <dialog>
// (native focus trap, Escape, inert page behind; focus returns to the button on close).
// `used`: the flow mounts at the first open and stays mounted after a close.
export class Launcher extends Component<AppProps & { commands: Commands }, { open?: boolean; used?: boolean; l?: Language }> {
  dlg?: HTMLDialogElement | null;
  /**
   * Fetch the form before the click (on idle, on hover or focus of the button), so the dialog
   * opens without "Loading…"; the button, the dialog's name and Close then speak its language.
   */
  pre = () => this.props.api.form(this.props.lang, 1)[0].then((r) => r.ok && this.setState({ l: r.data.language }));
  componentDidMount() {
    (window.requestIdleCallback || setTimeout)(this.pre);
  }
  openDialog = () => this.setState({ open: true, used: true });
  hide = () => this.setState({ open: false });
  /** `close` is dispatched later than the close itself: by then the dialog may be open again. */
  dialogClosed = () => {
    if (!this.dlg?.open) this.hide();
  };

  componentDidUpdate() {
    const d = this.dlg;
    if (!d) return;
    if (this.state.open && !d.open) {
      d.showModal();
      d.querySelector('h2')?.focus();
    }
    if (!this.state.open && d.open) d.close();
  }

  render(props: AppProps & { commands: Commands }, { used, l }: { used?: boolean; l?: Language }) {
    const t = bootTexts(l || props.lang);
    props.api.ev('s', props.lang);
    props.commands.open = this.openDialog;
    props.commands.close = this.hide;
    return (
      <>
        <button type="button" class="launch" aria-haspopup="dialog" onClick={this.openDialog} onPointerEnter={this.pre} onFocus={this.pre}>
          {t.open}
        </button>
        <dialog
          ref={(d) => {
            this.dlg = d;
          }}
          aria-label={t.open}
          onClose={this.dialogClosed}
        >
          <button type="button" class="x" aria-label={t.close} onClick={this.hide}>
            ×
          </button>
          {used && <App {...props} dialog />}
        </dialog>
      </>
    );
  }
}
