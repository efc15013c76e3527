#!/usr/bin/python3
"""A real SMTP server on loopback for the tests: stores every accepted mail in a Maildir.

Recipients at reject.example are refused with 550 (a permanent failure), so tests can
check how the relay treats one. With --tls-cert/--tls-key the server offers STARTTLS and
requires it. With --data-delay it waits that many seconds before answering each mail's DATA,
as a slow or overloaded mail server does. Prints "ready" once it listens; stops on SIGTERM.
"""
import argparse
import asyncio
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


class Sink(Mailbox):
    def __init__(self, maildir, data_delay):
        super().__init__(maildir)
        self.data_delay = data_delay

    async def handle_DATA(self, server, session, envelope):
        if self.data_delay > 0:
            await asyncio.sleep(self.data_delay)
        return await super().handle_DATA(server, session, envelope)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@reject.example"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--data-delay", type=float, default=0.0)
    args = parser.parse_args()

    options = {}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options = {"tls_context": context, "require_starttls": True}
    controller = Controller(Sink(args.maildir, args.data_delay), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
