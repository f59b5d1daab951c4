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
import ssl
import time
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from . import i18n
from .config import Config, MailSettings, check
from .errors import BriefgenError, UsageError
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
    had it yet. Raises BriefgenError when a recipient could not be reached."""
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
    with State(config.out_dir) as state:
        done = set() if force else state.sent_to(date, lang)
        for recipient in mail.recipients:
            if recipient in done:
                report.already.append(recipient)
                continue
            message = compose(mail, recipient, brief, pdf, date, lang)
            problem = _deliver(mail, password, message, sleep)
            if problem:
                report.failed[recipient] = problem
                log.error("could not send the brief to %s: %s", recipient, problem)
                continue
            state.record_sent(date, lang, recipient, message["Message-ID"])
            report.sent.append(recipient)
            log.info("sent %s to %s", pdf.name, recipient)
    if report.failed:
        raise BriefgenError(f"the brief of {date} was not sent to {', '.join(report.failed)} "
                            f"after {mail.retries + 1} attempts; it will be sent on the next 'briefgen send'")
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


def _deliver(mail: MailSettings, password: str | None, message: EmailMessage, sleep) -> str | None:
    """Send with bounded retries; None when sent, else the last error (without secrets)."""
    delay = mail.retry_delay
    problem = None
    for attempt in range(mail.retries + 1):
        try:
            _smtp_send(mail, password, message)
            return None
        except (OSError, smtplib.SMTPException) as exc:
            problem = f"{type(exc).__name__}: {exc}"
            if attempt < mail.retries:
                log.warning("sending to %s failed (%s); retrying in %.0f s", message["To"], problem, delay)
                sleep(delay)
                delay *= 2
    return problem


def _smtp_send(mail: MailSettings, password: str | None, message: EmailMessage) -> None:
    context = ssl.create_default_context(cafile=str(mail.ca_file) if mail.ca_file else None)
    if mail.security == "ssl":
        client = smtplib.SMTP_SSL(mail.host, mail.effective_port, timeout=mail.timeout, context=context)
    else:
        client = smtplib.SMTP(mail.host, mail.effective_port, timeout=mail.timeout)
    with client:
        if mail.security == "starttls":
            client.starttls(context=context)
        if mail.username and password is not None:
            client.login(mail.username, password)
        client.send_message(message)
