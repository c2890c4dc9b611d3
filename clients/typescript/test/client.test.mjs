// The hand-written layer against answers shaped as Latchkey gives them (fetch is injected; the
// browser tests in web/ run it against a real Latchkey).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createLatchkey, isSignedIn } from "../dist/index.js";

function answering(status, body, headers = {}) {
  const seen = [];
  const fetch = async (request) => {
    seen.push(request);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
  };
  return { fetch, seen };
}

test("a second factor step is a value to switch on", async () => {
  const { fetch } = answering(200, { status: "second_factor_required", challenge_id: "c", methods: [] });
  const lk = createLatchkey({ baseUrl: "http://latchkey.test/", fetch });
  const result = await lk.login({ tenant: "acme", identifier: "alice", password: "pw" });
  assert.equal(result.ok, true);
  assert.equal(result.value.status, "second_factor_required");
  assert.equal(isSignedIn(result.value), false);
});

test("errors carry the stable code, attempts left and the wait", async () => {
  const { fetch } = answering(401, { error: "invalid_code", message: "wrong", attempts_remaining: 2 });
  const lk = createLatchkey({ baseUrl: "http://latchkey.test", fetch });
  const wrong = await lk.verify({ challenge_id: "c", code: "000000" });
  assert.equal(wrong.ok, false);
  assert.equal(wrong.error.code, "invalid_code");
  assert.equal(wrong.error.attemptsRemaining, 2);

  const locked = answering(423, { error: "account_locked", message: "locked" }, { "Retry-After": "1800" });
  const result = await createLatchkey({ baseUrl: "http://latchkey.test", fetch: locked.fetch }).verify({
    challenge_id: "c",
    code: "1",
  });
  assert.equal(result.error.code, "account_locked");
  assert.equal(result.error.retryAfter, 1800, "from Retry-After when the body has none");
  const now = new Date("2026-11-25T10:00:00Z");
  assert.equal(result.error.until(now).toISOString(), "2026-11-25T10:30:00.000Z");
});

test("no answer is a network_error, not an exception", async () => {
  const fetch = async () => {
    throw new TypeError("Failed to fetch");
  };
  const result = await createLatchkey({ baseUrl: "http://latchkey.test", fetch }).login({
    tenant: "acme",
    identifier: "a",
    password: "b",
  });
  assert.equal(result.ok, false);
  assert.equal(result.error.code, "network_error");
  assert.equal(result.error.status, 0);
});

test("the access token goes along once set", async () => {
  const { fetch, seen } = answering(200, { user: {} });
  const lk = createLatchkey({ baseUrl: "http://latchkey.test", fetch });
  lk.setAccessToken("token-1");
  await lk.api.GET("/me");
  assert.equal(seen[0].headers.get("Authorization"), "Bearer token-1");
  assert.equal(seen[0].url, "http://latchkey.test/me");
});
