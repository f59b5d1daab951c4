"""Hostile input and faults (issue 13): one test per case an attacker's afternoon found.

Every test has a time limit, so a regression fails instead of hanging: an alarm for the
tests that run in this process (``time_limit`` below, ``@pytest.mark.time_limit(s)`` to
change it), a ``timeout`` for those that run the real command. Servers listen on
127.0.0.1 only.

The extraction cases (one 1.9 MB line, 10,000 unclosed «) run in time that grows with
their size since the quadratic scans were removed.
"""

import json
import os
import signal
from pathlib import Path

import pytest

from briefgen.config import Config
from briefgen.pipeline import make_brief
from conftest import run_briefgen

DAY = "2026-11-24"
FRENCH = ("Les ministres des Affaires étrangères de l'OTAN ont convenu mardi de renforcer leur coopération "
          "avec l'Union européenne, a déclaré le secrétaire général.\n")


@pytest.fixture(autouse=True)
def time_limit(request):
    """Fail a test that runs longer than its limit (20 s unless marked otherwise).

    pytrace=False: the alarm may interrupt a frame whose traceback pytest cannot show
    (it then stopped the whole session with an internal error)."""
    marker = request.node.get_closest_marker("time_limit")
    seconds = marker.args[0] if marker else 20

    def expired(signum, frame):
        pytest.fail(f"{request.node.name} ran for more than {seconds} s", pytrace=False)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(FRENCH)
    return src


def make(sources, tmp_path, **changes):
    make_brief(Config(**{**dict(sources_dir=sources, out_dir=tmp_path / "out", lang="fr", engine="none",
                                formats=("json",)), **changes}), DAY)
    return json.loads((tmp_path / "out" / DAY / "brief-fr.json").read_text())


def skipped(brief):
    return {s["path"].rsplit("/", 1)[-1]: s["reason"] for s in brief["skipped"]}


# ---------------------------------------------------------------- what is read
def test_fifo_is_skipped_without_blocking_and_the_next_run_is_not_locked_out(folder, tmp_path):
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe")  # without a source's suffix, too
    for _ in range(2):  # a hang would have held the lock: the second run would exit 5
        done = run_briefgen("make", "--sources", str(folder), "--out", str(tmp_path / "out"), "--engine", "none",
                            "--lang", "fr", "--format", "json", "--date", DAY, timeout=60)
        assert done.returncode == 0, done.stderr
    brief = json.loads((tmp_path / "out" / DAY / "brief-fr.json").read_text())
    assert skipped(brief) == {"pipe.txt": "not a regular file (a named pipe)",
                              "pipe": "not a regular file (a named pipe)"}
    assert [s["id"] for s in brief["sources"]] == ["good"]


def test_a_pipe_put_in_place_of_a_listed_file_is_not_opened_blocking(folder, tmp_path):
    """Listing saw a regular file; by the time it is read it is a pipe (no writer)."""
    from briefgen.errors import SourceError
    from briefgen.ingest import Access, read_bytes

    path = folder / "good.txt"
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(SourceError, match="named pipe"):
        read_bytes(path, 1000, Access(folder))


def test_symlinks_out_of_the_folder_are_not_read(folder, tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:TOP-SECRET-LINE:/root:/bin/bash\n" * 20 + FRENCH)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "relative.txt").symlink_to("../private/secret.txt")
    (folder / "inside.txt").symlink_to(folder / "good.txt")  # a link within the folder is fine
    brief = make(folder, tmp_path)
    text = (tmp_path / "out" / DAY / "brief-fr.json").read_text()
    assert "root:x:0:0" not in text and "TOP-SECRET-LINE" not in text
    outside_reason = "symbolic link to a file outside the sources folder"
    assert skipped(brief) == {"passwd.txt": outside_reason, "secret.txt": outside_reason,
                              "relative.txt": outside_reason, "zero.txt": "not a regular file (a device)"}
    # the settings may name folders that links may point into
    brief = make(folder, tmp_path, symlinks_into=(outside,))
    assert "TOP-SECRET-LINE" in json.dumps(brief["sources"])
    assert set(skipped(brief)) == {"passwd.txt", "zero.txt"}


def test_allow_symlinks_into_in_the_settings_file(tmp_path):
    from briefgen.config import load_config

    (tmp_path / "briefgen.toml").write_text('allow_symlinks_into = ["wire", "/srv/agency"]\n')
    config = load_config(tmp_path / "briefgen.toml")
    assert config.symlinks_into == (tmp_path / "wire", Path("/srv/agency"))


@pytest.mark.parametrize("data", [
    FRENCH.replace("mardi", "mardi\x00").encode(),
    FRENCH.replace("l'OTAN", "l\x92OTAN").encode().replace("\xc2\x92".encode("latin-1"), b"\x92"),
    FRENCH.encode().replace("étrangères".encode(), "étrang".encode() + b"\xe8res"),
], ids=["one-NUL", "stray-cp1252-quote", "stray-cp1252-letter"])
def test_one_nul_or_stray_cp1252_byte_does_not_drop_the_article(tmp_path, data):
    src = tmp_path / "src"
    src.mkdir()
    (src / "article.txt").write_bytes(data)
    (source,) = make(src, tmp_path)["sources"]
    text = source["paragraphs"][0]["text"]
    assert "\x00" not in text and "Union européenne" in text and "étrangères" in text
    assert "l’OTAN" in text or "l'OTAN" in text


def test_binary_content_is_still_refused(folder, tmp_path):
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 40)
    assert skipped(make(folder, tmp_path)) == {"noise.txt": "not text (binary content)"}


# ---------------------------------------------------------------- time that grows with the input
PROSE = FRENCH.strip() + " "


@pytest.mark.time_limit(15)
@pytest.mark.parametrize("text", [
    PROSE + "\n\n" + '"' * 100_000 + ", a déclaré le ministre.\n\n" + PROSE,  # was 122 s (page furniture rules)
    "\n".join(("de renforcer leur coopération avec l'union " * 20_000).split("avec")),  # wrapped lines
    "\n\n".join([PROSE[:70] + "…"] * 10_000) + "\n\n" + PROSE,  # many lines that look like breadcrumbs
    PROSE + "\n\n" + "-.,;" * 100_000 + " fin\n\n" + PROSE,
], ids=["100000-quote-marks", "40000-wrapped-lines", "10000-ellipses", "punctuation-run"])
def test_reading_a_hostile_source_takes_time_linear_in_its_size(tmp_path, text):
    import time

    from briefgen.ingest import ingest

    path = tmp_path / "hostile.txt"
    path.write_text(text)
    start = time.perf_counter()
    doc = ingest(path, max_bytes=2 * 1024 * 1024)
    assert doc.paragraphs
    assert time.perf_counter() - start < 5  # about 1 s on a 2-core machine for these 400 KB


# ---------------------------------------------------------------- ids, anchors, citations
def test_sources_with_the_same_stem_or_anchor_get_their_own_ids_and_links(tmp_path):
    import re

    src = tmp_path / "src"
    src.mkdir()
    bodies = {
        "a.txt": "Jens Stoltenberg a déclaré : « L'Alliance soutiendra l'Ukraine aussi longtemps qu'il le faudra. »",
        "a.md": "Ursula von der Leyen a affirmé : « L'Union européenne renforcera sa défense commune dès cette année. »",
        "b c.txt": "Antony Blinken a estimé : « Les alliés doivent investir davantage dans leurs armées nationales. »",
        "b-c.txt": "Josep Borrell a prévenu : « La boussole stratégique fixe les priorités de l'Union pour dix ans. »",
    }
    for name, text in bodies.items():
        (src / name).write_text(f"{text}\n\n{FRENCH}")
    brief = make(src, tmp_path, formats=("json", "html"))
    ids = {s["path"].rsplit("/", 1)[-1]: s["id"] for s in brief["sources"]}
    assert ids == {"a.txt": "a.txt", "a.md": "a.md", "b c.txt": "b c", "b-c.txt": "b-c"}
    # every key point cites the source its words come from
    by_id = {s["id"]: s for s in brief["sources"]}
    for point in brief["key_points"]:
        assert all(point["text"] in json.dumps(by_id[i], ensure_ascii=False) for i in point["sources"])
    # on the page: one target a source, and each link [n] leads to the source numbered n
    html = (tmp_path / "out" / DAY / "brief-fr.html").read_text()
    targets = re.findall(r'<article class="source" id="([^"]+)"', html)
    assert len(targets) == len(set(targets)) == 4
    numbered = dict(re.findall(r'<td><a href="#([^"]+)">(\d+)</a></td>', html))
    assert sorted(numbered) == sorted(targets)
    for target, number in re.findall(r'<a class="source-ref" href="#([^"]+)">\[(\d+)\]</a>', html):
        assert numbered[target] == number


def test_ids_stay_unique_for_the_same_name_in_two_folders(tmp_path):
    from briefgen.pipeline import inspect

    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(FRENCH + folder + "\n")
    (tmp_path / "one" / "x.txt-2.txt").write_text(FRENCH + "trois\n")  # its stem is "x.txt-2"
    briefs, _ = inspect([tmp_path / "one", tmp_path / "two"])
    ids = [b.document.id for b in briefs]
    assert len(ids) == len(set(ids)) == 3


# ---------------------------------------------------------------- the PDF
def test_absurd_words_and_100000_quote_marks_make_a_pdf_in_seconds(tmp_path):
    """Before: weasyprint took 55 s on the 30,000-character word and more than 300 s on the
    100,000 quote marks; now the PDF gets breakable words, absurd ones cut, and says so."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "quotes.md").write_text("# Sommet " + '"' * 100_000 + "\n\n" + FRENCH * 3)
    (src / "word.txt").write_text("Titre " + "a" * 30_000 + "\n\n" + FRENCH.replace("mardi", "jeudi") * 3)
    done = run_briefgen("make", "--sources", str(src), "--out", str(tmp_path / "out"), "--engine", "none",
                        "--lang", "fr", "--date", DAY, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "word(s) of more than 500 characters cut short" in done.stderr
    folder = tmp_path / "out" / DAY
    assert (folder / "brief-fr.pdf").read_bytes().startswith(b"%PDF")
    html = (folder / "brief-fr.html").read_text()
    assert '"' * 100_000 in json.loads((folder / "brief-fr.json").read_text())["sources"][0]["title"]
    assert "a" * 30_000 in html and "&#34;" * 100_000 in html  # the HTML keeps the words whole


def test_words_the_pdf_gets():
    from briefgen.view import PDF_MAX_WORD, PrintableWords

    words = PrintableWords()
    assert words("Une phrase ordinaire, https://example.org/court.") == "Une phrase ordinaire, https://example.org/court."
    broken = words("x " + "a" * 100)
    assert broken.replace("\u00ad", "") == "x " + "a" * 100 and broken.count("\u00ad") == 4
    link = words("https://example.org/" + "b/" * 30)
    assert "\u200b" in link and link.replace("\u200b", "") == "https://example.org/" + "b/" * 30
    cut = words('"' * 100_000)
    assert len(cut.replace("\u200b", "")) == PDF_MAX_WORD + 1 and words.cut == 1


# ---------------------------------------------------------------- settings and options
@pytest.mark.parametrize("text, message", [
    ("max_source_mb = inf\n", "briefgen.toml:1: 'max_source_mb' must be a number of megabytes above 0 and at most 1024, not inf"),
    ("max_source_mb = nan\n", "briefgen.toml:1: 'max_source_mb' must be a number of megabytes above 0 and at most 1024, not nan"),
    ("\nmax_source_mb = 0\n", "briefgen.toml:2: 'max_source_mb' must be a number of megabytes above 0 and at most 1024, not 0"),
    ("max_source_mb = -2\n", "briefgen.toml:1: 'max_source_mb' must be a number of megabytes above 0 and at most 1024, not -2"),
    ('pdf_variant = "pdf/x-4"\n', "briefgen.toml:1: 'pdf_variant' must be one of pdf/a-1b, pdf/a-2b, pdf/a-3b, pdf/a-2u, pdf/a-3u, pdf/ua-1, not 'pdf/x-4'"),
    ('device = "tpu"\n', "briefgen.toml:1: 'device' must be one of auto, cpu, cuda, not 'tpu'"),
    ('languages = ["en", "../../etc"]\n', "briefgen.toml:1: 'languages' must be language codes such as \"en\" or \"fr\", not ['en', '../../etc']"),
    ('workers = 0\n', "briefgen.toml:1: 'workers' must be a whole number from 1 to 256, not 0"),
    ('cluster = "local:0"\n', "briefgen.toml:1: 'cluster' must be local:N with N from 1 to 64, or a Dask scheduler address"),
    ("[mail]\nport = 99999\n", "briefgen.toml:2: 'mail.port' must be a whole number from 1 to 65535, not 99999"),
    ("[mail]\nretries = -1\n", "briefgen.toml:2: 'mail.retries' must be a whole number from 0 to 10, not -1"),
    ("[mail]\ntimeout = 0\n", "briefgen.toml:2: 'mail.timeout' must be a number of seconds above 0 and at most 3600, not 0"),
    ("[mail]\ntimeout = inf\n", "briefgen.toml:2: 'mail.timeout' must be a number of seconds above 0 and at most 3600, not inf"),
    ("[mail]\nretry_delay = -1\n", "briefgen.toml:2: 'mail.retry_delay' must be a number of seconds from 0 to 3600, not -1"),
    ("[mail]\ndeadline = nan\n", "briefgen.toml:2: 'mail.deadline' must be a number of seconds above 0 and at most 86400, not nan"),
    ('[mail]\nrecipients = ["desk@example.org\\nBcc: x@evil.example"]\n', "briefgen.toml:2: 'mail.recipients' must be a list of e-mail addresses"),
], ids=["mb-inf", "mb-nan", "mb-0", "mb-negative", "pdf-variant", "device-tpu", "languages", "workers-0", "cluster-local-0",
        "port-99999", "retries-negative", "timeout-0", "timeout-inf", "retry-delay-negative", "deadline-nan",
        "recipient-with-newline"])
def test_settings_out_of_range_name_file_line_and_allowed_values(tmp_path, text, message):
    from briefgen.config import load_config
    from briefgen.errors import UsageError

    (tmp_path / "briefgen.toml").write_text(text)
    with pytest.raises(UsageError) as caught:
        load_config(tmp_path / "briefgen.toml")
    assert str(caught.value).startswith(str(tmp_path / message.split(":", 1)[0]) + ":" + message.split(":", 1)[1])


@pytest.mark.parametrize("data, message", [
    ("engine = \"none\"\n# réglages\n".encode("latin-1"), "briefgen.toml:2: not UTF-8 text (byte 0xe9); save the file as UTF-8"),
    (b"\xef\xbb\xbfengine = \"none\"\n", "briefgen.toml:1: starts with a byte-order mark (BOM); save it as UTF-8 without one"),
], ids=["latin-1", "bom"])
def test_settings_file_that_is_not_utf8_exits_2_with_a_clear_message(tmp_path, data, message):
    (tmp_path / "briefgen.toml").write_bytes(data)
    done = run_briefgen("make", cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    assert done.stderr == f"briefgen: error: {tmp_path / 'briefgen.toml'}{message[len('briefgen.toml'):]}\n"


def test_mail_retries_below_zero_exits_2_and_marks_nobody_as_sent(tmp_path):
    """It used to print 'sent to 2 recipient(s)', exit 0, send nothing and record both."""
    from briefgen.state import State

    (tmp_path / DAY).mkdir()
    (tmp_path / DAY / "brief-en.pdf").write_bytes(b"%PDF-1.7 test")
    (tmp_path / "briefgen.toml").write_text('[mail]\nrecipients = ["a@example.org", "b@example.org"]\n'
                                            'sender = "briefgen@example.org"\nhost = "127.0.0.1"\nretries = -1\n')
    done = run_briefgen("send", "--date", DAY, "--out", str(tmp_path), cwd=tmp_path, timeout=60)
    assert done.returncode == 2 and "'mail.retries' must be a whole number from 0 to 10, not -1" in done.stderr
    assert "sent to" not in done.stderr
    with State(tmp_path) as state:
        assert state.sent_to(DAY, "en") == set()


@pytest.mark.parametrize("args, message", [
    (("--lang", "../../etc"), "--lang must be a language code such as \"en\" or \"fr\", not '../../etc'"),
    (("--lang", "xx"), "--lang must be a language code such as \"en\" or \"fr\", not 'xx'"),
    (("--workers", "0"), "--workers must be a whole number from 1 to 256, not 0"),
    (("--cluster", "local:0"), "--cluster must be local:N with N from 1 to 64"),
    (("--cluster", "local:two"), "--cluster must be local:N with N from 1 to 64"),
], ids=["lang-path", "lang-unknown", "workers-0", "cluster-local-0", "cluster-local-word"])
def test_bad_options_exit_2_before_anything_is_written(tmp_path, args, message):
    done = run_briefgen("make", "--engine", "none", "--out", str(tmp_path / "out"), *args, timeout=60)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert not (tmp_path / "out").exists() and not list(tmp_path.parent.glob("etc*"))


def test_send_checks_lang_too(tmp_path):
    done = run_briefgen("send", "--lang", "../../x", "--out", str(tmp_path), timeout=60)
    assert done.returncode == 2 and "--lang must be a language code" in done.stderr


# ---------------------------------------------------------------- Dask
def test_a_cluster_without_workers_is_an_error_not_a_hang(monkeypatch):
    """local:0 is refused as a setting; a cluster that has no worker anyway (a scheduler
    nobody joined) used to say "1 worker(s)" and wait forever."""
    from briefgen import parallel
    from briefgen.errors import BriefgenError

    monkeypatch.setattr(parallel, "WORKER_WAIT_SECONDS", 2)
    with pytest.raises(BriefgenError, match="has no worker"):
        parallel.make_executor("local:0")


def test_quiet_means_quiet_with_dask(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(FRENCH)
    settings = tmp_path / "briefgen.toml"  # a base_url, so the new feed has nothing to warn about either
    settings.write_text('base_url = "https://intranet.example/briefs/"\n')
    done = run_briefgen("--config", str(settings), "make", "--quiet", "--cluster", "local:1", "--sources", str(src),
                        "--out", str(tmp_path / "out"), "--engine", "none", "--lang", "fr", "--format", "json",
                        timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""


# ---------------------------------------------------------------- sending
class StallingSMTPServer:
    """A server on 127.0.0.1 that never lets a send finish: it greets a line at a time
    ("220-…" continuation lines every 0.1 s, never the last one), or says nothing at all."""

    def __init__(self, silent: bool = False):
        import socket
        import threading

        self.silent = silent
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._accept, daemon=True)]
        self.threads[0].start()

    def _accept(self):
        import threading

        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            thread = threading.Thread(target=self._stall, args=(connection,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _stall(self, connection):
        with connection:
            while not self.stopping.wait(0.1):
                if not self.silent:
                    try:
                        connection.sendall(b"220-still greeting you\r\n")
                    except OSError:
                        return

    def close(self):
        self.stopping.set()
        self.listener.close()
        for thread in self.threads:
            thread.join(timeout=5)


@pytest.fixture
def brief_to_send(tmp_path):
    (tmp_path / "out" / DAY).mkdir(parents=True)
    (tmp_path / "out" / DAY / "brief-en.pdf").write_bytes(b"%PDF-1.7 test")
    return tmp_path / "out"


@pytest.mark.parametrize("silent", [False, True], ids=["greets-forever", "silent"])
def test_a_stalling_smtp_server_costs_one_deadline_for_the_whole_send(brief_to_send, silent):
    import time

    from briefgen.config import MailSettings
    from briefgen.errors import BriefgenError
    from briefgen.mail import send_brief
    from briefgen.state import State

    server = StallingSMTPServer(silent)
    mail = MailSettings(recipients=("desk@example.org", "minister@example.org"), sender="briefgen@example.org",
                        host="127.0.0.1", port=server.port, security="none", retries=3, retry_delay=0.01,
                        timeout=1, deadline=2.5)
    start = time.monotonic()
    try:
        with pytest.raises(BriefgenError) as caught:
            send_brief(Config(out_dir=brief_to_send, mail=mail), DAY, "en")
    finally:
        server.close()
    assert time.monotonic() - start < 4  # before: forever (greets-forever), 155 s a recipient (silent)
    assert "not sent to desk@example.org, minister@example.org" in str(caught.value)
    assert server.connections <= 3  # the second recipient was not tried again from scratch
    with State(brief_to_send) as state:
        assert state.sent_to(DAY, "en") == set()


def start_and_stop_during_send(args, tmp_path, server):
    import subprocess
    import sys
    import time

    from conftest import ROOT

    (tmp_path / "briefgen.toml").write_text(
        f'[mail]\nrecipients = ["desk@example.org", "minister@example.org"]\nsender = "briefgen@example.org"\n'
        f'host = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\ntimeout = 5\n')
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "--config", str(tmp_path / "briefgen.toml"), *args],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while server.connections == 0:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "briefgen never connected"
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    return process.returncode, err


def test_sigterm_during_send_says_the_brief_was_written(brief_to_send, tmp_path):
    from briefgen.state import State

    server = StallingSMTPServer()
    try:
        code, err = start_and_stop_during_send(["send", "--date", DAY, "--out", str(brief_to_send)], tmp_path, server)
    finally:
        server.close()
    assert code == 1 and "Traceback" not in err
    assert f"stopped by SIGTERM while sending the brief of {DAY} in en (it was written" in err
    assert "not to desk@example.org, minister@example.org" in err and "before the brief was written" not in err
    with State(brief_to_send) as state:
        assert state.sent_to(DAY, "en") == set()


def test_sigterm_during_make_send_says_the_brief_was_written(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(FRENCH)
    server = StallingSMTPServer()
    try:
        code, err = start_and_stop_during_send(
            ["make", "--send", "--sources", str(src), "--out", str(tmp_path / "out"), "--engine", "none", "--lang", "fr",
             "--date", DAY, "--format", "pdf,json"], tmp_path, server)
    finally:
        server.close()
    assert code == 1 and "Traceback" not in err
    assert f"stopped by SIGTERM while sending the brief of {DAY} in fr (it was written" in err
    assert "before the brief" not in err
    assert (tmp_path / "out" / DAY / "brief-fr.pdf").is_file()


# ---------------------------------------------------------------- the folders
@pytest.mark.parametrize("where, code, message", [
    ("sources-is-a-file", 2, "the sources folder {src}/good.txt is a file, not a folder"),
    ("out-is-a-file", 2, "the output folder {src}/good.txt is a file, not a folder"),
    ("out-is-sources", 2, "the output folder {src} is inside the sources folder {src}"),
    ("out-inside-sources", 2, "the output folder {src}/briefs is inside the sources folder {src}"),
])
def test_sources_and_out_that_cannot_be(folder, tmp_path, where, code, message):
    sources, out = {
        "sources-is-a-file": (folder / "good.txt", tmp_path / "out"),
        "out-is-a-file": (folder, folder / "good.txt"),
        "out-is-sources": (folder, folder),
        "out-inside-sources": (folder, folder / "briefs"),
    }[where]
    before = sorted(p.name for p in folder.iterdir())
    done = run_briefgen("make", "--sources", str(sources), "--out", str(out), "--engine", "none", "--lang", "fr",
                        timeout=60)
    assert done.returncode == code
    assert done.stderr.startswith("briefgen: error: " + message.format(src=folder))
    assert sorted(p.name for p in folder.iterdir()) == before and not (tmp_path / "out").exists()


def test_briefgens_own_pages_are_never_read_as_news(folder, tmp_path):
    make(folder, tmp_path, formats=("html", "json"))
    out = tmp_path / "out"
    for page in ("index.html", "latest-fr.html", f"{DAY}/brief-fr.html"):
        (folder / page.replace("/", "-")).write_bytes((out / page).read_bytes())
    brief = make(folder, tmp_path / "again", formats=("json",))
    assert [s["id"] for s in brief["sources"]] == ["good"]
    reason = "made by briefgen (a brief or its index), not a source"
    assert skipped(brief) == {"index.html": reason, "latest-fr.html": reason, f"{DAY}-brief-fr.html": reason}


# ---------------------------------------------------------------- what stderr says
def test_a_file_name_cannot_forge_a_line_on_stderr(folder, tmp_path):
    forged = f"x\nbriefgen: brief for {DAY} in fr: 99 source(s), 0 skipped, translated by none\n\u202etxt.exe.txt"
    (folder / forged).write_text("")  # empty: skipped, so named on stderr
    done = run_briefgen("make", "--sources", str(folder), "--out", str(tmp_path / "out"), "--engine", "none",
                        "--lang", "fr", "--format", "json", "--date", DAY, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert all(line.startswith("briefgen: ") for line in lines)
    assert [line for line in lines if line.startswith("briefgen: brief for")] == [
        f"briefgen: brief for {DAY} in fr: 1 source(s), 1 skipped, translated by none"]
    assert "x\\nbriefgen: brief for" in done.stderr and "\\u202etxt.exe.txt: empty file" in done.stderr
    # the brief itself keeps the real name
    brief = json.loads((tmp_path / "out" / DAY / "brief-fr.json").read_text())
    assert brief["skipped"][0]["path"].endswith(forged)


# ---------------------------------------------------------------- one huge line
@pytest.mark.time_limit(70)
def test_one_long_line_of_quotes_and_cues_is_read_in_bounded_time(tmp_path):
    """A 150 KB line with no sentence end, full of quotations and reporting clauses: every
    quote is found and attributed, in time that grows with the length (it took minutes
    and gigabytes when each cue scanned the whole text before it; the limit here is far
    above the seconds it takes now, see benchmarks/extract_scale.py)."""
    unit = ("le ministre a déclaré que « la situation est grave », a-t-il ajouté, tandis que M. Jean Dupont, "
            "secrétaire général, a estimé « nécessaire » une réforme, selon la préfecture, « tout va bien » ")
    path = tmp_path / "line.txt"
    path.write_text("Titre\n\n" + unit * 700 + "\n", encoding="utf-8")
    done = run_briefgen("inspect", str(path), "--json", timeout=60)
    assert done.returncode == 0, done.stderr
    (source,) = json.loads(done.stdout)
    quotes = [s for s in source["statements"] if s["kind"] == "quote"]
    assert {q["original"] for q in quotes} == {"la situation est grave", "nécessaire", "tout va bien"}
    assert {q["speaker"] for q in quotes} >= {"Jean Dupont"}


# ---------------------------------------------------------------- all or none
def brief_texts(folder):
    """What each of a day's files says, to tell which run wrote it."""
    import subprocess

    pdf = subprocess.run(["pdftotext", str(folder / "brief-fr.pdf"), "-"], capture_output=True, text=True,
                         timeout=30, check=True).stdout
    return {"html": (folder / "brief-fr.html").read_text(), "json": (folder / "brief-fr.json").read_text(),
            "pdf": pdf}


@pytest.mark.time_limit(60)
def test_killed_after_the_new_files_are_in_place_leaves_one_whole_brief(folder, tmp_path):
    """kill -9 between the renames of a brief's files used to leave a new HTML beside the
    old PDF and JSON. The day's files are now swapped in as one folder."""
    import subprocess
    import sys
    import time

    from conftest import ROOT

    out = tmp_path / "out"
    config = dict(sources_dir=folder, out_dir=out, lang="fr", engine="none", formats=("html", "pdf", "json"))
    make_brief(Config(**config), DAY)
    assert not any("Vilnius" in text for text in brief_texts(out / DAY).values())
    (folder / "vilnius.txt").write_text("Sommet de Vilnius sur la défense aérienne\n\n" + FRENCH.replace("mardi", "jeudi"))
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "make", "--sources", str(folder), "--out", str(out),
                                "--engine", "none", "--lang", "fr", "--date", DAY],
                               cwd=ROOT, env=dict(os.environ, BRIEFGEN_PAUSE_AT="published"), stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + 40
    while "paused at published" not in process.stderr.readline():
        assert process.poll() is None and time.monotonic() < deadline
    process.kill()
    process.wait(timeout=10)
    texts = brief_texts(out / DAY)
    assert all("Vilnius" in text for text in texts.values()), {k: "Vilnius" in v for k, v in texts.items()}
    assert list(out.glob(f".{DAY}.*briefgen-tmp"))  # the earlier files, set aside, not yet removed
    make_brief(Config(**config), DAY)
    assert not list(out.rglob("*briefgen-tmp")) and not list(out.glob("*briefgen-old"))


def test_where_folders_cannot_be_swapped_two_renames_and_a_kill_between_them_are_recovered(tmp_path, monkeypatch):
    from briefgen import fsutil

    day = tmp_path / "out" / DAY
    day.mkdir(parents=True)
    for name in ("brief-fr.html", "brief-fr.json", "brief-en.html"):
        (day / name).write_text("old " + name)
    monkeypatch.setattr(fsutil, "_exchange", lambda first, second: False)
    written = fsutil.publish(day, {"brief-fr.html": b"new html", "brief-fr.pdf": b"new pdf"},
                             replaces=lambda name: name.startswith("brief-fr."))
    assert written == [day / "brief-fr.html", day / "brief-fr.pdf"]
    assert {p.name: p.read_text() for p in day.iterdir()} == {
        "brief-fr.html": "new html", "brief-fr.pdf": "new pdf", "brief-en.html": "old brief-en.html"}
    assert sorted(p.name for p in day.parent.iterdir()) == [DAY]
    # what a kill between the two renames leaves: the old folder aside, the new one unnamed
    staged = day.parent / f".{DAY}.x1y2.briefgen-tmp"
    day.rename(day.parent / f".{DAY}.briefgen-old")
    staged.mkdir()
    (staged / "brief-fr.html").write_text("newer")
    fsutil.remove_leftovers(day.parent)
    assert {p.name: p.read_text() for p in day.iterdir()} == {
        "brief-fr.html": "new html", "brief-fr.pdf": "new pdf", "brief-en.html": "old brief-en.html"}
    assert sorted(p.name for p in day.parent.iterdir()) == [DAY]


def test_a_failure_while_swapping_leaves_the_old_folder(tmp_path, monkeypatch):
    from briefgen import fsutil

    day = tmp_path / DAY
    day.mkdir()
    (day / "brief-fr.html").write_text("old")
    monkeypatch.setattr(fsutil, "_exchange", lambda first, second: False)

    def fail(name):
        if name == "between-renames":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil, "checkpoint", fail)
    with pytest.raises(Exception, match=f"cannot write to {day}: No space left on device"):
        fsutil.publish(day, {"brief-fr.html": b"new"}, replaces=lambda name: name.startswith("brief-fr."))
    assert (day / "brief-fr.html").read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == [DAY]


# ---------------------------------------------------------------- a full disk
@pytest.fixture
def small_disk(tmp_path):
    """A 512 KB file system of its own (tmpfs; needs root), unmounted afterwards."""
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True,
                          timeout=10)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root): " + done.stderr.decode(errors="replace").strip())
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=10)


def fill(disk, leave_kb):
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize // 1024
    with open(disk / "filler", "ab") as handle:
        handle.write(b"\0" * max(0, free - leave_kb) * 1024)


@pytest.mark.time_limit(60)
@pytest.mark.parametrize("leave_kb, message", [
    (0, "cannot write to the output folder {out} (.briefgen.lock): No space left on device"),
    (8, "cannot write {out}/2026-11-24/brief-fr."),
], ids=["nothing-left", "room-for-the-lock-only"])
def test_a_full_disk_says_which_file_and_leaves_the_earlier_brief(folder, small_disk, leave_kb, message):
    out = small_disk / "out"
    args = ("make", "--sources", str(folder), "--out", str(out), "--engine", "none", "--lang", "fr", "--date", DAY,
            "--format", "html,json")
    assert run_briefgen(*args, timeout=60).returncode == 0
    before = {p.name: p.read_bytes() for p in (out / DAY).iterdir()}
    (folder / "more.txt").write_text(FRENCH.replace("mardi", "jeudi") * 20)
    fill(small_disk, leave_kb)
    done = run_briefgen(*args, "--quiet", timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("briefgen: error: " + message.format(out=out)), done.stderr
    assert "No space left on device" in done.stderr and "unexpected" not in done.stderr
    assert {p.name: p.read_bytes() for p in (out / DAY).iterdir()} == before


@pytest.mark.parametrize("installed", [True, False], ids=["apertium-installed", "apertium-missing"])
def test_no_route_hint_asks_to_install_apertium_only_when_it_is_missing(monkeypatch, installed):
    from briefgen.translate import Engines, apertium

    monkeypatch.setattr(apertium.shutil, "which", lambda name: "/usr/bin/apertium" if installed else None)
    monkeypatch.setattr(apertium.ApertiumEngine, "modes", {("fr", "es"): "fr-es", ("es", "en"): "spa-eng"})
    engines = Engines("auto")
    german, italian = engines.no_route_message("de", "en"), engines.no_route_message("it", "en")
    # no apertium data exists for German: only a model helps, installed apertium or not
    assert "no apertium data: `briefgen models install de en`" in german and "apt-get" not in german
    # Italian has Debian data: the package named, apertium itself only when it is missing
    assert "apertium-spa-ita cg3" in italian and "briefgen models install it en" in italian
    assert ("apt-get install apertium apertium-spa-ita" in italian) is (not installed)
    engines.close()


# ---------------------------------------------------------------- extraction (see the module's docstring)
@pytest.mark.time_limit(100)
def test_one_line_of_19_megabytes_is_read_in_time_linear_in_its_size(tmp_path):
    """A 1.9 MB source of one line (under the 2 MB limit) with no sentence end: more than
    120 s and 1.16 GB before; about 20 s now on a loaded 2-core machine, so 90 s is a budget
    that only a return of the quadratic scans would exceed."""
    import subprocess

    from conftest import SEEDS

    seed = (SEEDS / "001_08897cc2a1369cc8.txt").read_text().replace(".", " ").replace("\n", " ")
    src = tmp_path / "src"
    src.mkdir()
    (src / "line.txt").write_text((seed * (1_900_000 // len(seed) + 1))[:1_900_000] + "\n")
    assert 1_900_000 <= (src / "line.txt").stat().st_size < 2 * 1024 * 1024
    try:
        done = run_briefgen("make", "--sources", str(src), "--out", str(tmp_path / "out"), "--engine", "none",
                            "--lang", "fr", "--format", "json", "--date", DAY, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("a make of one 1.9 MB line took more than 90 s")
    assert done.returncode == 0, done.stderr


@pytest.mark.time_limit(4)
def test_10000_unclosed_guillemets_are_read_in_time_linear_in_their_number(tmp_path):
    """27 s for these 20 KB before, growing with the square of their number; an opening mark
    after the last closing one is passed over at once now."""
    from briefgen.ingest import ingest

    path = tmp_path / "guillemets.txt"
    path.write_text(PROSE + "« " * 10_000 + "\n\n" + PROSE)
    assert ingest(path).paragraphs
