import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { callsStarted, inFlight, whenIdle } from './main-process/in-flight';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * happy-dom lays nothing out, so every element measures 0 px and a virtual
 * list would render no rows. Give scroll containers a real-looking size.
 */
export function fakeLayout(height = 280, width = 400): () => void {
  const proto = HTMLElement.prototype;
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
    scrollHeight: Object.getOwnPropertyDescriptor(proto, 'scrollHeight'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  // A scroll container is as tall as its sized content (the virtual list's inner element).
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const inner = this.firstElementChild;
      const content = inner instanceof HTMLElement ? Number.parseFloat(inner.style.height) : Number.NaN;
      return Number.isFinite(content) ? Math.max(content, height) : height;
    },
  });
  // Browsers fire `scroll` after a programmatic scroll; happy-dom only moves scrollTop.
  const scrollTo = Element.prototype.scrollTo;
  Element.prototype.scrollTo = function (this: Element, ...args: Parameters<Element['scrollTo']>) {
    scrollTo.apply(this, args);
    this.dispatchEvent(new Event('scroll'));
    this.dispatchEvent(new Event('scrollend'));
  } as Element['scrollTo'];
  return () => {
    Element.prototype.scrollTo = scrollTo;
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(proto, name, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[name];
    }
  };
}

export interface Mounted {
  container: HTMLElement;
  root: Root;
  unmount(): Promise<void>;
}

export async function mount(node: ReactNode): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  await settle();
  return {
    container,
    root,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/**
 * Lets pending promises (main's answers, however long their round trip) and
 * the renders they cause finish: it returns after a pass in which no call was
 * in flight and none was made, since an answer's render may call main again
 * (metadata after ids, after the next paint).
 */
export async function settle(rounds = 5): Promise<void> {
  for (;;) {
    const before = callsStarted();
    for (let i = 0; i < rounds; i++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    }
    if (inFlight() === 0 && callsStarted() === before) return;
    await act(async () => {
      await whenIdle();
    });
  }
}

export async function click(element: Element | null): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('Nothing to click.');
  await act(async () => {
    element.click();
  });
  await settle();
}

/** Types into a React-controlled input: sets the value the way a user would and fires `input`. */
export async function type(element: Element | null, value: string): Promise<void> {
  if (!(element instanceof HTMLInputElement)) throw new Error('Not an input.');
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function press(element: Element | null, key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  if (!(element instanceof HTMLElement)) throw new Error('Nothing to press keys on.');
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  await act(async () => {
    element.dispatchEvent(event);
  });
  await settle(2);
  return event;
}

export function byTestId(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

export function getByTestId(root: ParentNode, id: string): HTMLElement {
  const element = byTestId(root, id);
  if (!element) throw new Error(`No element with data-testid="${id}".`);
  return element;
}

/** The first element with this role whose text (or aria-label) is exactly `name`. */
export function getByRole(root: ParentNode, role: string, name?: string): HTMLElement {
  const implicit: Record<string, string> = { button: 'button', dialog: '[role="dialog"]' };
  const candidates = [...root.querySelectorAll<HTMLElement>(`[role="${role}"]${implicit[role] ? `, ${implicit[role]}` : ''}`)];
  const match = candidates.find((element) => {
    if (role === 'button' && element.getAttribute('role') && element.getAttribute('role') !== 'button') return false;
    if (name === undefined) return true;
    return (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name;
  });
  if (!match) throw new Error(`No ${role} named ${name ?? '(any)'}.`);
  return match;
}
