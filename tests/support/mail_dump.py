#!/usr/bin/python3
"""Prints the mails of a Maildir as JSON, decoded by Python's email package, so the tests
check our MIME and RFC 2047 encoding against an independent parser."""
import json
import mailbox
import os
import sys
from email import policy
from email.parser import BytesParser


def part_text(message, subtype):
    part = message.get_body(preferencelist=(subtype,))
    return part.get_content() if part is not None else ""


def main():
    mails = []
    if not os.path.isdir(os.path.join(sys.argv[1], "new")):
        json.dump(mails, sys.stdout)  # nothing received yet
        return
    box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
    for key in box.keys():
        raw = box.get_bytes(key)
        message = BytesParser(policy=policy.default).parsebytes(raw)
        mails.append({
            "from": str(message["From"] or ""),
            "to": str(message["To"] or ""),
            "subject": str(message["Subject"] or ""),
            "rawSubject": raw.split(b"\nSubject: ", 1)[1].split(b"\r\n", 1)[0].decode("ascii", "replace")
            if b"\nSubject: " in raw else "",
            "messageId": str(message["Message-ID"] or ""),
            "inReplyTo": str(message["In-Reply-To"] or ""),
            "references": str(message["References"] or ""),
            "autoSubmitted": str(message["Auto-Submitted"] or ""),
            "contentType": message.get_content_type(),
            "text": part_text(message, "plain"),
            "html": part_text(message, "html"),
            "defects": len(message.defects),
        })
    json.dump(mails, sys.stdout)


if __name__ == "__main__":
    main()
