"""Sending briefs to a real SMTP server on 127.0.0.1 (aiosmtpd): plain, STARTTLS, SSL, login."""

import email
import email.policy
import json
import shutil
import socket
import ssl
import subprocess
from dataclasses import replace

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from briefgen.config import Config, MailSettings
from briefgen.errors import BriefgenError, UsageError
from briefgen.mail import send_brief
from briefgen.pipeline import make_brief
from briefgen.state import State
from conftest import SEEDS, needs_apertium

DAY = "2026-11-24"
PASSWORD = "s3cret-Pa55"  # the tests grep for it in everything briefgen writes


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One brief (JSON + PDF) made once; each test copies it."""
    out = tmp_path_factory.mktemp("made")
    make_brief(Config(sources_dir=SEEDS, out_dir=out, engine="apertium", formats=("json", "pdf"),
                      cache_path=out / "tm.sqlite3"), DAY)
    return out


@pytest.fixture
def out(made, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(made, folder)
    return folder


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (the test's own CA)."""
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True)
    return folder / "cert.pem", folder / "key.pem"


def server(inbox, **kwargs):
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller


def settings(port, **changes) -> MailSettings:
    return replace(MailSettings(recipients=("desk@example.org", "minister@example.org"),
                                sender="briefgen@example.org", host="127.0.0.1", port=port,
                                security="none", retries=2, retry_delay=0.01, timeout=5), **changes)


@needs_apertium
def test_sends_pdf_and_key_points_once(out):
    inbox = Inbox()
    controller = server(inbox)
    try:
        config = Config(out_dir=out, mail=settings(controller.port))
        report = send_brief(config, DAY, "en")
        assert report.sent == ["desk@example.org", "minister@example.org"]
        assert len(inbox.messages) == 2
        rcpt, message = inbox.messages[0]
        assert rcpt == ["desk@example.org"]
        assert message["Subject"] == "Press brief — 24 November 2026"
        assert message["From"] == "briefgen@example.org" and message["To"] == "desk@example.org"
        assert message["Message-ID"] and message["Date"] and message["Auto-Submitted"] == "auto-generated"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        key_points = json.loads((out / DAY / "brief-en.json").read_text())["key_points"]
        assert key_points and key_points[0]["speaker"] in text and key_points[0]["speaker"] in html
        (attachment,) = list(message.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_filename() == "brief-en-2026-11-24.pdf"
        assert attachment.get_content() == (out / DAY / "brief-en.pdf").read_bytes()
        # a second send sends nothing; --force sends again
        again = send_brief(config, DAY, "en")
        assert again.sent == [] and again.already == ["desk@example.org", "minister@example.org"]
        assert len(inbox.messages) == 2
        assert send_brief(config, DAY, "en", force=True).sent == ["desk@example.org", "minister@example.org"]
        assert len(inbox.messages) == 4
    finally:
        controller.stop()


@needs_apertium
def test_failure_is_retried_then_reported_and_not_marked(out):
    port = free_port()  # nothing listens there
    waits = []
    config = Config(out_dir=out, mail=settings(port, recipients=("desk@example.org",)))
    with pytest.raises(BriefgenError, match=r"not sent to desk@example.org \(after 3 attempts: ConnectionRefusedError"):
        send_brief(config, DAY, "en", sleep=waits.append)
    assert waits == [0.01, 0.02]  # bounded retries, with back-off
    with State(out) as state:
        assert state.sent_to(DAY, "en") == set()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert send_brief(config, DAY, "en").sent == ["desk@example.org"]
    finally:
        controller.stop()


@needs_apertium
def test_starttls_with_login_password_from_environment(out, certificate, monkeypatch, caplog):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == PASSWORD.encode())

    inbox = Inbox()
    controller = server(inbox, tls_context=context, require_starttls=True, authenticator=authenticator,
                        auth_required=True)
    monkeypatch.setenv("BRIEFGEN_TEST_SMTP_PASSWORD", PASSWORD)
    try:
        config = Config(out_dir=out, mail=settings(controller.port, security="starttls", ca_file=cert,
                                                   username="briefgen", recipients=("desk@example.org",),
                                                   password_env="BRIEFGEN_TEST_SMTP_PASSWORD"))
        with caplog.at_level("DEBUG"):
            assert send_brief(config, DAY, "en").sent == ["desk@example.org"]
        assert logins == [(b"briefgen", PASSWORD.encode())] and len(inbox.messages) == 1
        assert PASSWORD not in caplog.text
        assert all(PASSWORD.encode() not in p.read_bytes() for p in out.rglob("*") if p.is_file())
    finally:
        controller.stop()


@needs_apertium
def test_ssl(out, certificate):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    controller = server(inbox, ssl_context=context)
    try:
        config = Config(out_dir=out, mail=settings(controller.port, security="ssl", ca_file=cert,
                                                   recipients=("desk@example.org",)))
        assert send_brief(config, DAY, "en").sent == ["desk@example.org"]
        assert len(inbox.messages) == 1
    finally:
        controller.stop()


def test_untrusted_certificate_is_refused(tmp_path, certificate):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    (tmp_path / DAY).mkdir()
    (tmp_path / DAY / "brief-en.pdf").write_bytes(b"%PDF-1.7 test")
    inbox = Inbox()
    controller = server(inbox, tls_context=context, require_starttls=True)
    try:
        config = Config(out_dir=tmp_path, mail=settings(controller.port, security="starttls", retries=0,
                                                        recipients=("desk@example.org",)))
        with pytest.raises(BriefgenError, match="not sent"):
            send_brief(config, DAY, "en")
        assert inbox.messages == []
    finally:
        controller.stop()


@pytest.mark.parametrize("mail, message", [
    (MailSettings(sender="b@example.org"), "no recipients"),
    (MailSettings(recipients=("a@example.org",)), "no sender"),
    (MailSettings(recipients=("a@example.org",), sender="b@example.org", password_env="NOT_SET_ANYWHERE"),
     r"\$NOT_SET_ANYWHERE, which is not set"),
])
def test_mail_settings_errors(tmp_path, mail, message):
    (tmp_path / DAY).mkdir()
    (tmp_path / DAY / "brief-en.pdf").write_bytes(b"%PDF-1.7 test")
    with pytest.raises(UsageError, match=message):
        send_brief(Config(out_dir=tmp_path, mail=mail), DAY, "en")


def test_no_brief_to_send(tmp_path):
    config = Config(out_dir=tmp_path, mail=MailSettings(recipients=("a@example.org",), sender="b@example.org"))
    with pytest.raises(BriefgenError, match="no brief to send"):
        send_brief(config, DAY, "en")
