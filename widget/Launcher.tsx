import { useEffect, useRef, useState } from 'preact/hooks';
import { App, textsFor, type AppProps } from './App';
import type { Commands } from './commands';

// Without a [data-koers] element: a floating button that opens the flow in a modal <dialog>
// (native focus trap, Escape, inert page behind; focus returns to the button on close).
export function Launcher(props: AppProps & { commands: Commands }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const dlg = useRef<HTMLDialogElement>(null);
  const t = textsFor(props.lang);

  props.commands.open = () => setOpen(true);
  props.commands.close = () => setOpen(false);

  useEffect(() => {
    const d = dlg.current;
    if (!d) return;
    if (open && !d.open) {
      setUsed(true);
      d.showModal();
      d.querySelector('h2')?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <>
      <button type="button" class="launch" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t.open}
      </button>
      <dialog ref={dlg} aria-label={t.open} onClose={() => setOpen(false)}>
        <button type="button" class="x" aria-label={t.close} onClick={() => setOpen(false)}>
          ×
        </button>
        {used && <App {...props} dialog />}
      </dialog>
    </>
  );
}
