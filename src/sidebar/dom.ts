/**
 * DOM helpers. Text always goes in through textContent or an input's value,
 * so a stage called "<img onerror=…>" stays text.
 */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; className?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

type Handler = (node: never) => void;

/**
 * Each element's handlers, by event type. They live beside the element rather
 * than in addEventListener's own list so that `patch`, keeping an element,
 * can give it the handlers of the view just drawn, which know the state as
 * it is now.
 */
const HANDLERS = new WeakMap<Node, Map<string, Handler>>();

/** The one listener every element gets: it calls the element's current handler. */
function dispatch(e: Event): void {
  const node = e.currentTarget as Node;
  HANDLERS.get(node)?.get(e.type)?.(node as never);
}

/** Calls `handler` with the element when `type` happens on it. */
export function on<T extends HTMLElement>(
  node: T,
  type: 'click' | 'input' | 'change',
  handler: (node: T) => void,
): void {
  const handlers = HANDLERS.get(node) ?? new Map<string, Handler>();
  HANDLERS.set(node, handlers.set(type, handler));
  node.addEventListener(type, dispatch);
}

/**
 * Whether `now` can be updated into `next`: the same tag, the same input type
 * and the same focus key, so a field being typed into never turns into
 * another field when the ones before it come or go.
 */
function sameKind(now: Node, next: Node): boolean {
  return (
    now.nodeName === next.nodeName &&
    (!(now instanceof HTMLElement) ||
      now.dataset.focusKey === (next as HTMLElement).dataset.focusKey) &&
    (!(now instanceof HTMLInputElement) || now.type === (next as HTMLInputElement).type)
  );
}

function update(now: Node, next: Node): void {
  if (!(now instanceof Element)) {
    if (now.nodeValue !== next.nodeValue) now.nodeValue = next.nodeValue;
    return;
  }
  const target = next as Element;
  for (const name of now.getAttributeNames()) {
    if (!target.hasAttribute(name)) now.removeAttribute(name);
  }
  for (const name of target.getAttributeNames()) {
    const value = target.getAttribute(name)!;
    if (now.getAttribute(name) !== value) now.setAttribute(name, value);
  }
  const handlers = HANDLERS.get(target);
  if (handlers) {
    HANDLERS.set(now, handlers);
    // The same listener twice is one listener: adding it again is harmless.
    for (const type of handlers.keys()) now.addEventListener(type, dispatch);
  } else HANDLERS.delete(now);
  patch(now, Array.from(target.childNodes));
  // What the user can change is a property, not an attribute; set only when it
  // differs, so the caret in a field being typed into stays where it is.
  if (now instanceof HTMLInputElement) {
    const input = target as HTMLInputElement;
    if (now.value !== input.value) now.value = input.value;
    if (now.checked !== input.checked) now.checked = input.checked;
  } else if (now instanceof HTMLSelectElement) {
    const index = (target as HTMLSelectElement).selectedIndex;
    if (now.selectedIndex !== index) now.selectedIndex = index;
  }
}

/**
 * Makes `parent`'s children into `next`, as `parent.replaceChildren(...next)`
 * would, but updating in place every node that is the same kind of node in
 * the same position. An element kept that way keeps what replacing it would
 * lose: keyboard focus, the caret, the field's undo history and text being
 * composed with an input method.
 */
export function patch(parent: Node, next: readonly Node[]): void {
  const now = Array.from(parent.childNodes);
  next.forEach((node, k) => {
    const old = now[k];
    if (!old) parent.appendChild(node);
    else if (sameKind(old, node)) update(old, node);
    else parent.replaceChild(node, old);
  });
  for (const old of now.slice(next.length)) parent.removeChild(old);
}
