// Browser tests of the sign-in app against a real Latchkey on SQLite, started here: the built
// binary (LATCHKEY_BIN, default ../target/debug/latchkey) on a free port with a temporary data
// directory, serving web/dist at /ui/, its SMS and email going to tests/receiver.mjs.
// Debian's Chromium drives the pages (CHROMIUM_PATH, default /usr/bin/chromium): no download.
import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

function freePort(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script]).toString().trim());
}

// Computed once: the workers load this file again and must see the same values.
if (!process.env.WEBTEST_PORT) {
  process.env.WEBTEST_PORT = String(freePort());
  process.env.WEBTEST_RECEIVER_PORT = String(freePort());
  process.env.WEBTEST_ADMIN_KEY = `lk_admin_${randomBytes(32).toString("base64url").slice(0, 43)}`;
  process.env.WEBTEST_DATA_DIR = mkdtempSync(join(tmpdir(), "latchkey-web-"));
}
const port = process.env.WEBTEST_PORT;
const receiverPort = process.env.WEBTEST_RECEIVER_PORT;
const base = `http://127.0.0.1:${port}`;
const dataDir = process.env.WEBTEST_DATA_DIR ?? "";

export default defineConfig({
  testDir: "tests",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: base,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    screenshot: "on",
    trace: "retain-on-failure",
    permissions: ["clipboard-read", "clipboard-write"],
  },
  webServer: [
    {
      command: "node tests/receiver.mjs",
      url: `http://127.0.0.1:${receiverPort}/ready`,
      env: { RECEIVER_PORT: String(receiverPort) },
      reuseExistingServer: false,
    },
    {
      command: `${resolve(process.env.LATCHKEY_BIN ?? "../target/debug/latchkey")} serve`,
      url: `${base}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        LATCHKEY_BIND: `127.0.0.1:${port}`,
        LATCHKEY_ISSUER: base,
        LATCHKEY_DATA_DIR: dataDir,
        LATCHKEY_DATABASE_URL: `sqlite://${join(dataDir, "latchkey.db")}`,
        LATCHKEY_BOOTSTRAP_ADMIN_KEY: process.env.WEBTEST_ADMIN_KEY ?? "",
        LATCHKEY_UI_DIR: resolve("dist"),
        LATCHKEY_DELIVERY: "webhook",
        LATCHKEY_DELIVERY_WEBHOOK_URL: `http://127.0.0.1:${receiverPort}/messages`,
        LATCHKEY_DELIVERY_WEBHOOK_SECRET: `whsec_${Buffer.from("latchkey-browser-tests-secret").toString("base64")}`,
        // One browser from one address signs in again and again: the limits would measure themselves.
        LATCHKEY_RATE_LIMIT_PER_IP: "0",
        LATCHKEY_RATE_LIMIT_PER_ACCOUNT: "0",
        LATCHKEY_ARGON2_MEMORY_KIB: "1024",
        LATCHKEY_ARGON2_ITERATIONS: "1",
        LATCHKEY_LOG: "warn",
        // The console test waits this out to see a sensitive action ask for the second factor again.
        LATCHKEY_STEP_UP_WINDOW_SECS: "30",
      },
    },
  ],
});
