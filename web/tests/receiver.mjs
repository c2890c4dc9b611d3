// The delivery webhook Latchkey sends SMS and email codes to during the browser tests: it keeps
// every message and hands them to the tests (`GET /messages`). Standard Webhooks signatures are
// checked by Latchkey's own test suite; here only the messages matter.
import { createServer } from "node:http";

const port = Number(process.env.RECEIVER_PORT);
const messages = [];

createServer((req, res) => {
  if (req.method === "POST" && req.url === "/messages") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        messages.push(JSON.parse(body));
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
