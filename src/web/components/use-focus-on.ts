import { useEffect, useRef } from 'react';

/**
 * Focuses the element given the returned ref each time `key` changes to something (a warning
 * raised, a result come back): keyboard and screen-reader users are taken to what appeared, rather
 * than left on a button that has gone or been disabled. Give the element tabIndex={-1}.
 */
export function useFocusOn<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  return ref;
}

/**
 * Moves focus to what `selector` finds once the control that had it has gone (made afresh, or taken
 * away by the change it made): while focus is lost, or still on `from` or on an old match, it tries
 * for a second; once the person has moved focus elsewhere it leaves it alone.
 */
export function keepFocusOn(selector: string, from: Element | null = null, triesLeft = 20): void {
  setTimeout(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body;
    const target = document.querySelector<HTMLElement>(selector);
    if (target && (lost || (from !== null && active === from))) return target.focus();
    const waiting = lost || (active?.matches(selector) ?? false) || (from !== null && active === from);
    if (triesLeft > 0 && waiting) keepFocusOn(selector, from, triesLeft - 1);
  }, 50);
}

/**
 * After a search or filter form is sent: the page may make the form afresh for what is now shown,
 * taking its button from under the keyboard, so focus goes to the new form's button (found by the
 * form's aria-label), not lost to the top of the page.
 */
export function keepFocusOnSubmitOf(form: HTMLFormElement): void {
  const label = form.getAttribute('aria-label');
  if (label) keepFocusOn(`form[aria-label="${CSS.escape(label)}"] button[type="submit"]`);
}

/**
 * Gives focus back, when the component goes (cancelled, closed, answered), to what had it when the
 * component came (the button that opened it), if focus was lost meanwhile and that is still on the
 * page. Call it before any hook that moves focus into the component.
 */
export function useFocusBackOnClose(active = true) {
  useEffect(() => {
    if (!active) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    return () => {
      setTimeout(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lost && opener?.isConnected) opener.focus();
      }, 0);
    };
  }, [active]);
}
