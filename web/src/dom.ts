// A few DOM helpers: the app renders by replacing the main element's children.
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | number | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

export function show(...nodes: Child[]): void {
  const app = document.getElementById("app");
  if (!app) return;
  app.replaceChildren(...nodes.filter((n): n is Node | string => n !== null && n !== undefined && n !== false));
  const focus = app.querySelector<HTMLElement>("[autofocus]") ?? app.querySelector<HTMLElement>("h1");
  focus?.focus();
}

/** A labelled input; its id is `name`. */
export function field(label: string, name: string, attrs: Attrs = {}): HTMLElement {
  return h("p", { class: "field" }, h("label", { for: name }, label), h("input", { id: name, name, ...attrs }));
}

export function valueOf(form: HTMLFormElement, name: string): string {
  const input = form.elements.namedItem(name);
  if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof RadioNodeList) {
    return input.value.trim();
  }
  return "";
}

export function checked(form: HTMLFormElement, name: string): boolean {
  const input = form.elements.namedItem(name);
  return input instanceof HTMLInputElement && input.checked;
}

/** A form whose submit runs `onSubmit` with the button disabled meanwhile. */
export function form(onSubmit: (form: HTMLFormElement) => Promise<void>, ...children: Child[]): HTMLFormElement {
  const el = h("form", { novalidate: true }, ...children);
  el.addEventListener("submit", async (event) => {
    event.preventDefault();
    const buttons = el.querySelectorAll("button");
    buttons.forEach((b) => (b.disabled = true));
    try {
      await onSubmit(el);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  });
  return el;
}

/** The place a screen reports a refusal; `role="alert"` so screen readers say it. */
export function alertBox(): HTMLElement {
  return h("p", { class: "alert", role: "alert", hidden: true });
}

export function say(box: HTMLElement, message: string | undefined): void {
  box.textContent = message ?? "";
  box.hidden = !message;
}

export function time(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
