import type { LatchkeyError } from "@latchkey/client";
import { h, show, time } from "../dom";
import { showSignIn } from "./signIn";

export function showLocked(error: LatchkeyError): void {
  const until = error.until();
  show(
    h("h1", { tabindex: -1 }, "Account locked"),
    h(
      "p",
      { class: "locked", "data-testid": "locked" },
      until
        ? `Too many wrong attempts. You can try again at ${time(until)}.`
        : "Too many wrong attempts. Try again later.",
    ),
    h("p", {}, "If this was not you, tell your administrator."),
    h("button", { type: "button", onclick: () => showSignIn() }, "Back to sign in"),
  );
}
