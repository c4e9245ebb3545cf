/**
 * happy-dom's `<dialog>` only toggles `open`: `showModal()` makes nothing
 * modal, Escape does nothing and `close()` returns focus nowhere. This adds
 * the three browser behaviours the Settings dialog relies on, as the HTML
 * standard describes them, so its tests can run here. Inertness and Tab
 * staying inside are the browser's own work: e2e/specs/settings-dialog.spec.ts
 * checks those in Chromium.
 */
const modal = new WeakSet<HTMLDialogElement>();
const focusedBefore = new WeakMap<HTMLDialogElement, HTMLElement>();

/** Whether the dialog was opened with `showModal()` and is still open. */
export function isModal(dialog: Element | null): boolean {
  return dialog instanceof HTMLDialogElement && dialog.open && modal.has(dialog);
}

export function installModalDialog(): () => void {
  const proto = HTMLDialogElement.prototype;
  const { showModal, close } = proto;
  proto.showModal = function (this: HTMLDialogElement) {
    if (document.activeElement instanceof HTMLElement) focusedBefore.set(this, document.activeElement);
    modal.add(this);
    showModal.call(this);
  };
  proto.close = function (this: HTMLDialogElement, returnValue?: string) {
    const wasModal = isModal(this);
    modal.delete(this);
    // The standard restores focus before the close event is fired.
    const previous = focusedBefore.get(this);
    focusedBefore.delete(this);
    if (wasModal) previous?.focus();
    close.call(this, returnValue);
  };
  // A close request: Escape, unless a control already used it, cancels the topmost modal dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const open = [...document.querySelectorAll('dialog')].filter(isModal);
    const top = open[open.length - 1];
    if (top && top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  };
  document.addEventListener('keydown', onKeyDown);
  return () => {
    document.removeEventListener('keydown', onKeyDown);
    proto.showModal = showModal;
    proto.close = close;
  };
}
