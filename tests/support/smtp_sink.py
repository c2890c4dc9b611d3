"""A real SMTP server (aiosmtpd) for Latchkey's tests, on 127.0.0.1 and a free port.

Prints `PORT <n>` once listening, then one JSON line per message received, parsed by Python's
own `email` package: envelope, headers, and each text part. Recipients starting with `reject`
get a permanent 550, those starting with `tempfail` a temporary 451. With SMTP_SINK_USER and
SMTP_SINK_PASSWORD set, AUTH PLAIN/LOGIN with those credentials is required.
"""
import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 No such mailbox"
        if address.startswith("tempfail"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.get_content_maintype() == "multipart":
                continue
            parts.append({"content_type": part.get_content_type(), "text": part.get_content()})
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "auth_user": session.auth_data.login.decode() if session.authenticated and session.auth_data else None,
            "headers": {k.lower(): str(v) for k, v in message.items()},
            "content_type": message.get_content_type(),
            "parts": parts,
        }
        print(json.dumps(record), flush=True)
        return "250 Message accepted"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=auth_data)
    return check


async def main():
    user, password = os.environ.get("SMTP_SINK_USER"), os.environ.get("SMTP_SINK_PASSWORD")
    options = {}
    if user:
        options = {"authenticator": authenticator(user, password), "auth_required": True, "auth_require_tls": False}
    handler = Handler()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname="sink.test", **options), "127.0.0.1", 0)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    # Ends with the test: its stdin closes when the test process exits.
    await loop.run_in_executor(None, sys.stdin.read)


asyncio.run(main())
