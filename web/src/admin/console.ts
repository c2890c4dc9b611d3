// The admin console at /ui/admin/: for a tenant's admins and owners, signed in with the tenant's
// normal flow. Its pages are #/users, #/users/<id>, #/two-step (owners), #/sms and #/audit; every
// call goes through the typed client with the user's own access token, and the server decides
// (a role is read from the database on every request): the console only hides what would be refused.
import { settle, type LatchkeyError, type Result } from "@latchkey/client";
import { h, say, show } from "../dom";
import { messageFor } from "../errors";
import { claimsOf, currentSession, forgetSession, latchkey, refreshSession } from "../session";
import { showSignIn } from "../screens/signIn";
import { isSignedOut, signedOut, stepUp } from "../screens/stepUp";
import { showAudit } from "./audit";
import { showSms } from "./sms";
import { showTwoStep } from "./twoStep";
import { showUser } from "./user";
import { showUsers } from "./users";

/** An id as the document types it (a UUID). */
export type Id = `${string}-${string}-${string}-${string}-${string}`;

export interface Admin {
  tenant: string;
  email: string;
  owner: boolean;
}

/** Who is signed in to the console, from the session (the server checks the role itself). */
export function admin(): Admin | undefined {
  const session = currentSession();
  if (!session) return undefined;
  const roles = (claimsOf(session.access_token).roles as string[] | undefined) ?? [];
  return { tenant: session.user.tenant, email: session.user.email, owner: roles.includes("owner") };
}

export function showConsole(): Promise<void> {
  const me = admin();
  if (!me) {
    showSignIn();
    return Promise.resolve();
  }
  const [page, id] = window.location.hash.replace(/^#\/?/, "").split("/");
  switch (page) {
    case "two-step":
      // The server refuses it too (an owner's page): say so at once rather than after a change.
      if (!me.owner) return Promise.resolve(frame(me, "Two-step verification", refusal("insufficient_role")));
      return showTwoStep(me);
    case "sms":
      return showSms(me);
    case "audit":
      return showAudit(me);
    case "users":
      if (id) return showUser(me, decodeURIComponent(id) as Id);
      return showUsers(me);
    default:
      return showUsers(me);
  }
}

function refusal(code: LatchkeyError["code"]): HTMLElement {
  return h("p", { class: "alert", role: "alert" }, messageFor({ code } as LatchkeyError));
}

/** The console's frame: its navigation, the page's title and content. */
export function frame(me: Admin, title: string, ...content: (Node | string | null | false | undefined)[]): void {
  const link = (hash: string, text: string) =>
    h("a", { href: `#/${hash}`, "aria-current": window.location.hash.startsWith(`#/${hash}`) ? "page" : undefined }, text);
  document.body.classList.add("console");
  show(
    h(
      "nav",
      { class: "console-nav", "aria-label": "Console" },
      link("users", "Users"),
      me.owner ? link("two-step", "Two-step verification") : null,
      link("sms", "SMS"),
      link("audit", "Audit trail"),
      h(
        "span",
        { class: "who" },
        `${me.email} · ${me.tenant} `,
        h("button", { type: "button", class: "link", onclick: () => signOut() }, "Sign out"),
      ),
    ),
    h("h1", { tabindex: -1 }, title),
    ...content,
  );
}

async function signOut(): Promise<void> {
  await settle(latchkey.api.POST("/logout"));
  forgetSession();
  showSignIn();
}

/**
 * Runs an admin call: an expired access token is refreshed once; a sensitive action asks for the
 * second factor again (`step_up_required`) and then runs again; other refusals are said in `alert`
 * from their stable code. `done` gets the answer.
 */
export async function act<T>(
  page: () => Promise<void>,
  alert: HTMLElement,
  run: () => Promise<Result<T>>,
  done: (value: T) => void | Promise<void>,
  refreshed = false,
): Promise<void> {
  const result = await run();
  if (result.ok) return void (await done(result.value));
  const error: LatchkeyError = result.error;
  if (error.code === "invalid_token" && !refreshed && (await refreshSession())) {
    return act(page, alert, run, done, true);
  }
  if (error.code === "step_up_required") return stepUp(page, () => act(page, alert, run, done));
  if (isSignedOut(error)) return signedOut(error);
  const box = alert.isConnected ? alert : (document.querySelector<HTMLElement>("#app .alert") ?? alert);
  say(box, messageFor(error));
}

/**
 * A button for a destructive action that asks first, in the page: a click shows the question with
 * "Yes, …" and "Cancel"; only "Yes" runs `action`.
 */
export function destructive(label: string, question: string, action: () => Promise<void>): HTMLElement {
  const holder = h("span", { class: "destructive" });
  const ask = () => {
    const yes = h("button", { type: "button", class: "danger" }, `Yes, ${label.toLowerCase()}`);
    yes.addEventListener("click", async () => {
      yes.setAttribute("disabled", "");
      await action();
    });
    holder.replaceChildren(
      h("span", { role: "alertdialog", "aria-label": question }, `${question} `),
      yes,
      " ",
      h("button", { type: "button", class: "link", onclick: () => holder.replaceChildren(start()) }, "Cancel"),
    );
    yes.focus();
  };
  const start = () => h("button", { type: "button", class: "secondary", onclick: ask }, label);
  holder.append(start());
  return holder;
}
