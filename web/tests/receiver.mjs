// The delivery webhook Latchkey sends SMS and email codes to during the browser tests: it keeps
// every message and hands them to the tests (`GET /messages`). Standard Webhooks signatures are
// checked by Latchkey's own test suite; here only the messages matter.
import { createServer } from "node:http";

const port = Number(process.env.RECEIVER_PORT);
const messages = [];
// `POST /fail {"to", "status", "count"}`: the next `count` deliveries to `to` are answered with
// `status` (a gateway outage for one recipient, so tests running alongside are not touched).
const failing = new Map();

createServer((req, res) => {
  if (req.method === "POST" && req.url === "/messages") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        const message = JSON.parse(body);
        const outage = failing.get(message.to);
        if (outage && outage.count > 0) {
          outage.count -= 1;
          return void res.writeHead(outage.status).end();
        }
        messages.push(message);
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end();
      }
    });
    return;
  }
  if (req.method === "POST" && req.url === "/fail") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        const { to, status, count } = JSON.parse(body);
        failing.set(to, { status, count });
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end();
      }
    });
    return;
  }
  if (req.method === "GET" && req.url === "/messages") {
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(messages));
    return;
  }
  if (req.method === "GET" && req.url === "/ready") return void res.writeHead(200).end("ok");
  res.writeHead(404).end();
}).listen(port, "127.0.0.1");
