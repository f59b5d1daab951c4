"""Sending a brief by e-mail: the PDF attached, the key points in the body, one message
per recipient, never twice to the same person unless forced.

The SMTP password is read from the environment variable the configuration names, and is
never logged or written anywhere.
"""

from __future__ import annotations

import html
import json
import logging
import os
import smtplib
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from . import i18n
from .config import Config, MailSettings, check
from .errors import BriefgenError, Stopped, UsageError
from .state import State

log = logging.getLogger(__name__)


@dataclass
class SendReport:
    sent: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def send_brief(config: Config, date: str, lang: str, force: bool = False,
               sleep=time.sleep) -> SendReport:
    """Mail the brief of ``date`` in ``lang`` to every configured recipient who has not
    had it yet. Raises BriefgenError when a recipient could not be reached.

    The whole send has one deadline (``mail.deadline`` seconds, retries included): after
    it, or once the server has failed for one recipient, the others are not tried, and
    nobody who did not get the brief is marked as sent."""
    from .pipeline import check_date

    date = check_date(date)
    check(replace(config, lang=lang))
    mail = config.mail
    if not mail.recipients:
        raise UsageError(f"no recipients: set [mail] recipients in {config.config_file or 'briefgen.toml'}")
    if not mail.sender:
        raise UsageError(f"no sender: set [mail] sender in {config.config_file or 'briefgen.toml'}")
    folder = Path(config.out_dir) / date
    pdf, data = folder / f"brief-{lang}.pdf", folder / f"brief-{lang}.json"
    if not pdf.is_file():
        raise BriefgenError(f"no brief to send: {pdf} does not exist (run 'briefgen make --date {date} --lang {lang}')")
    brief = json.loads(data.read_text(encoding="utf-8")) if data.is_file() else {}
    password = _password(mail)
    report = SendReport()
    deadline = time.monotonic() + mail.deadline
    server_failed: str | None = None  # the recipient the server failed for
    with State(config.out_dir) as state:
        done = set() if force else state.sent_to(date, lang)
        try:
            for recipient in mail.recipients:
                if recipient in done:
                    report.already.append(recipient)
                    continue
                if server_failed:
                    report.failed[recipient] = f"not tried: the server had failed for {server_failed}"
                    continue
                message = compose(mail, recipient, brief, pdf, date, lang)
                problem = _deliver(mail, password, message, sleep, deadline)
                if problem:
                    report.failed[recipient] = problem.text
                    log.error("could not send the brief to %s: %s", recipient, problem.text)
                    if not problem.recipient_only:
                        server_failed = recipient
                    continue
                state.record_sent(date, lang, recipient, message["Message-ID"])
                report.sent.append(recipient)
                log.info("sent %s to %s", pdf.name, recipient)
        except Stopped:
            left = [r for r in mail.recipients if r not in report.sent and r not in report.already]
            raise Stopped(f"stopped by SIGTERM while sending the brief of {date} in {lang} (it was written, "
                          f"{pdf}): sent to {len(report.sent)} recipient(s) now, not to {', '.join(left)}; "
                          f"'briefgen send --date {date} --lang {lang}' sends it to them", told=True) from None
    if report.failed:
        first = next(iter(report.failed.values()))
        raise BriefgenError(f"the brief of {date} was not sent to {', '.join(report.failed)} ({first}); "
                            f"it will be sent on the next 'briefgen send'")
    return report


def _password(mail: MailSettings) -> str | None:
    if not mail.password_env:
        return None
    password = os.environ.get(mail.password_env)
    if password is None:
        raise UsageError(f"the SMTP password is read from ${mail.password_env}, which is not set")
    return password


def compose(mail: MailSettings, recipient: str, brief: dict, pdf: Path, date: str, lang: str) -> EmailMessage:
    """The message: key points as text and HTML, the PDF attached."""
    t = i18n.translations(lang)
    title = t.gettext("Press brief")
    day = i18n.long_date(date, lang)
    points = brief.get("key_points", [])
    message = EmailMessage()
    message["Subject"] = f"{title} — {day}"
    message["From"] = mail.sender
    message["To"] = recipient
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=mail.sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    lines = [f"{title} — {day}", "", t.gettext("Key points"), ""]
    for n, point in enumerate(points, 1):
        lines.append(f"{n}. {_point_text(point)}")
    lines += ["", t.gettext("The full brief is attached (PDF).")]
    message.set_content("\n".join(lines))
    items = "".join(f"<li>{html.escape(_point_text(point))}</li>" for point in points)
    message.add_alternative(
        f"<!DOCTYPE html><html lang=\"{html.escape(lang)}\"><body>"
        f"<h1 style=\"font-size:1.2em\">{html.escape(title)} — {html.escape(day)}</h1>"
        f"<h2 style=\"font-size:1em\">{html.escape(t.gettext('Key points'))}</h2><ol>{items}</ol>"
        f"<p>{html.escape(t.gettext('The full brief is attached (PDF).'))}</p></body></html>",
        subtype="html",
    )
    message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf",
                           filename=f"brief-{lang}-{date}.pdf")
    return message


def _point_text(point: dict) -> str:
    text = f"“{point['text']}”" if point.get("kind") == "quote" else point["text"]
    if point.get("speaker"):
        text += f" — {point['speaker']}" + (f", {point['role']}" if point.get("role") else "")
    return text


@dataclass(frozen=True)
class Problem:
    text: str
    recipient_only: bool  # the server refused this recipient (and may take the next one)


def _deliver(mail: MailSettings, password: str | None, message: EmailMessage, sleep,
             deadline: float) -> Problem | None:
    """Send with bounded retries within the send's deadline; None when sent."""
    delay = mail.retry_delay
    problem = Problem("not attempted", False)
    for attempt in range(1, mail.retries + 2):
        left = deadline - time.monotonic()
        if left <= 0:
            return Problem(f"no attempt left within the send's deadline of {mail.deadline:g} s "
                           f"({problem.text})", False)
        try:
            _smtp_send(mail, password, message, left)
            return None
        except _DeadlinePassed:
            return Problem(f"no answer within the send's deadline of {mail.deadline:g} s", False)
        except (OSError, smtplib.SMTPException) as exc:
            problem = Problem(f"after {attempt} attempt{'s' if attempt > 1 else ''}: {type(exc).__name__}: {exc}",
                              isinstance(exc, smtplib.SMTPRecipientsRefused))
            if attempt <= mail.retries and time.monotonic() + delay < deadline:
                log.warning("sending to %s failed (%s); retrying in %.0f s", message["To"], problem.text, delay)
                sleep(delay)
                delay *= 2
            elif attempt <= mail.retries:
                break  # the next try would start after the deadline
    return problem


class _DeadlinePassed(Exception):
    pass


def _smtp_send(mail: MailSettings, password: str | None, message: EmailMessage, seconds: float) -> None:
    """One attempt, over within ``seconds`` whatever the server does: the socket's timeout
    bounds each read, and a timer shuts the connection when the time is up (a server that
    answers a byte at a time never lets a read time out)."""
    context = ssl.create_default_context(cafile=str(mail.ca_file) if mail.ca_file else None)
    timeout = min(mail.timeout, seconds)
    if mail.security == "ssl":
        client = smtplib.SMTP_SSL(timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(timeout=timeout)
    # the name TLS checks the certificate against; smtplib sets it only when given the host
    # at creation, which would connect (and read the greeting) before the timer below runs
    client._host = mail.host
    expired = threading.Event()

    def cut() -> None:
        expired.set()
        if client.sock is not None:
            try:  # the plain socket's shutdown: it wakes a read blocked in another thread, even under TLS
                socket.socket.shutdown(client.sock, socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(seconds, cut)
    timer.daemon = True
    timer.start()
    try:
        client.connect(mail.host, mail.effective_port)
        if mail.security == "starttls":
            client.starttls(context=context)
        if mail.username and password is not None:
            client.login(mail.username, password)
        client.send_message(message)
    except (OSError, smtplib.SMTPException):
        if expired.is_set():
            raise _DeadlinePassed() from None
        raise
    else:
        try:  # the message is accepted: a failing QUIT must not make it sent twice
            client.quit()
        except (OSError, smtplib.SMTPException):
            pass
    finally:
        timer.cancel()
        client.close()  # no QUIT after a failure or SIGTERM: it would wait for the server again
