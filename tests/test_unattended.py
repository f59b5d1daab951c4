"""Cron runs: settings file, lock, --since-last, --quiet, other dates untouched, faults."""

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest

from briefgen.config import Config, find_config, load_config, merged
from briefgen.errors import BriefgenError, NoUsableSource, UsageError
from briefgen.pipeline import make_brief
from conftest import ROOT, needs_apertium, run_briefgen

DAY = "2026-11-24"
GOOD = """# the morning brief
sources = "inbox"
out = "/srv/briefs"
languages = ["en", "fr"]
engine = "apertium"
formats = ["html", "pdf"]
max_source_mb = 0.5

[mail]
recipients = ["desk@example.org"]
sender = "briefgen@example.org"
host = "smtp.example.org"
port = 465
security = "ssl"
password_env = "BRIEFGEN_SMTP_PASSWORD"
"""


def test_settings_file(tmp_path):
    path = tmp_path / "briefgen.toml"
    path.write_text(GOOD)
    config = load_config(find_config(None, cwd=tmp_path))
    assert config.sources_dir == tmp_path / "inbox"  # relative to the file
    assert str(config.out_dir) == "/srv/briefs"
    assert config.languages == ("en", "fr") and config.lang == "en"
    assert config.engine == "apertium" and config.formats == ("html", "pdf")
    assert config.max_bytes == 512 * 1024
    assert config.mail.recipients == ("desk@example.org",) and config.mail.effective_port == 465
    # options given on the command line win
    assert merged(config, out_dir=tmp_path / "o", lang="fr").out_dir == tmp_path / "o"
    assert merged(config, lang="fr").languages == ("fr",)
    assert merged(config, engine=None).engine == "apertium"


@pytest.mark.parametrize("text, message", [
    ('engine = "apertium"\ncolour = "blue"\n', r"briefgen.toml:2: unknown key 'colour'"),
    ('\n\n[mail]\nport = "587"\n', r"briefgen.toml:4: 'mail.port' must be an integer, not '587'"),
    ('[mail]\nsender = "a@b.c"\npassword = "hunter2"\n', r"briefgen.toml:3: unknown key 'mail.password'"),
    ('languages = "english"\n', r"briefgen.toml:1: 'languages' must be language codes"),
    ('since_last = "yes"\n', r"briefgen.toml:1: 'since_last' must be true or false"),
    ('engine = "google"\n', r"briefgen.toml:1: 'engine' must be one of auto, argos, apertium, none, not 'google'"),
    ('engine = \n', r"briefgen.toml: .*line 1"),
], ids=["unknown-key", "wrong-type", "password-in-file", "bad-languages", "bad-bool", "bad-value", "not-toml"])
def test_settings_errors_name_file_and_line(tmp_path, text, message):
    path = tmp_path / "briefgen.toml"
    path.write_text(text)
    with pytest.raises(UsageError, match=message):
        load_config(path)


def test_settings_error_exits_2(tmp_path):
    (tmp_path / "briefgen.toml").write_text("colour = 1\n")
    done = run_briefgen("make", cwd=tmp_path)
    assert done.returncode == 2 and "briefgen.toml:1: unknown key 'colour'" in done.stderr
    done = run_briefgen("--config", str(tmp_path / "missing.toml"), "make")
    assert done.returncode == 2 and "not found" in done.stderr


@needs_apertium
def test_since_last(tmp_path, sources):
    config = Config(sources_dir=sources, out_dir=tmp_path / "out", engine="apertium", formats=("json",),
                    cache_path=tmp_path / "tm.sqlite3", since_last=True)
    first = make_brief(config, "2026-11-23")
    assert len(first.brief.sources) == 5
    (sources / "new.txt").write_text(
        "Les ministres de la Défense de l'OTAN se sont réunis jeudi à Bruxelles pour discuter du soutien à l'Ukraine.\n")
    second = make_brief(config, "2026-11-24")
    assert [s.document.id for s in second.brief.sources] == ["new"]
    # a re-run for the same date makes the same brief
    assert [s.document.id for s in make_brief(config, "2026-11-24").brief.sources] == ["new"]
    with pytest.raises(NoUsableSource, match="no new source .* since the brief of 2026-11-24"):
        make_brief(config, "2026-11-25")


@needs_apertium
def test_rerun_replaces_only_its_date_and_quiet_prints_nothing(tmp_path):
    out = tmp_path / "out"
    args = ("make", "--engine", "apertium", "--out", str(out), "--format", "html,json", "-q")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert run_briefgen(*args, "--date", "2026-11-23", env=env).returncode == 0
    before = {p: p.read_bytes() for p in (out / "2026-11-23").iterdir()}
    done = run_briefgen(*args, "--date", DAY, env=env)
    assert done.returncode == 0 and done.stderr == "" and done.stdout == ""
    again = run_briefgen(*args, "--date", DAY, env=env)
    assert again.returncode == 0
    assert {p: p.read_bytes() for p in (out / "2026-11-23").iterdir()} == before
    assert json.loads((out / DAY / "brief-en.json").read_text())["date"] == DAY


def test_atom_feed(tmp_path):
    hostile = tmp_path / "src"
    hostile.mkdir()
    (hostile / "a.txt").write_text("Les ministres de l'OTAN se réunissent à Bruxelles pour parler de défense commune.\n")
    config = Config(sources_dir=hostile, out_dir=tmp_path / "out", lang="fr", engine="none", formats=("html", "json"),
                    base_url="https://intranet.example/briefs")
    make_brief(config, "2026-11-23")
    make_brief(config, DAY)
    feed = ET.parse(tmp_path / "out" / "feed-fr.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.tag == f"{atom}feed"
    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text for e in entries] == ["Revue de presse — 24 novembre 2026",
                                                              "Revue de presse — 23 novembre 2026"]
    links = [link.get("href") for link in entries[0].findall(f"{atom}link")]
    assert "https://intranet.example/briefs/2026-11-24/brief-fr.html" in links


# ---------------------------------------------------------------- the lock, and being killed
def start_make(out, pause_at, tmp_path, *extra):
    env = dict(os.environ, BRIEFGEN_PAUSE_AT=pause_at, XDG_CACHE_HOME=str(tmp_path / "cache"))
    process = subprocess.Popen([sys.executable, "-m", "briefgen", "make", "--engine", "apertium", "--out", str(out),
                                "--date", DAY, *extra], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    line = ""
    deadline = time.time() + 120
    while f"paused at {pause_at}" not in line:
        line = process.stderr.readline()
        assert line or process.poll() is None, "briefgen ended before the pause"
        assert time.time() < deadline
    return process


def brief_files(out):
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("brief-*") if p.is_file()}


@needs_apertium
@pytest.mark.parametrize("pause_at", ["translate", "render", "rename"])
def test_killed_at_any_point_leaves_the_earlier_brief_whole(tmp_path, pause_at):
    out = tmp_path / "out"
    assert run_briefgen("make", "--engine", "apertium", "--out", str(out), "--date", DAY,
                        env={"XDG_CACHE_HOME": str(tmp_path / "cache")}).returncode == 0
    before = brief_files(out)
    process = start_make(out, pause_at, tmp_path)
    # while it runs, a second make is refused at once and says who holds the lock
    second = run_briefgen("make", "--engine", "apertium", "--out", str(out), "--date", DAY)
    assert second.returncode == 5 and f"PID {process.pid}" in second.stderr
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert brief_files(out) == before  # every brief file whole, as it was
    leftovers = [p for p in out.rglob(".*briefgen-tmp")]
    assert pause_at != "rename" or leftovers  # killed between writing and renaming
    # the dead process's lock is not in the way; its leftovers are cleaned up
    done = run_briefgen("make", "--engine", "apertium", "--out", str(out), "--date", DAY,
                        env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    assert not list(out.rglob(".*briefgen-tmp"))


@needs_apertium
def test_sigterm_stops_cleanly_and_releases_the_lock(tmp_path):
    out = tmp_path / "out"
    process = start_make(out, "rename", tmp_path)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "stopped by SIGTERM" in err and "Traceback" not in err
    assert not list(out.rglob(".*briefgen-tmp")) and not list(out.rglob("brief-*"))
    done = run_briefgen("make", "--engine", "apertium", "--out", str(out), "--date", DAY, "--format", "json",
                        env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0


def test_output_folder_not_writable(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    done = run_briefgen("make", "--out", str(blocker / "out"), "--engine", "none", "--lang", "fr")
    assert done.returncode == 1
    assert "cannot write to the output folder" in done.stderr and "Traceback" not in done.stderr


def test_output_write_failure_changes_nothing(tmp_path, monkeypatch):
    from briefgen import fsutil

    target = tmp_path / "out" / DAY
    target.mkdir(parents=True)
    (target / "brief-fr.html").write_text("old")
    real = os.replace

    def fail_on_pdf(src, dst):
        if str(dst).endswith(".pdf"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", fail_on_pdf)
    with pytest.raises(BriefgenError, match="No space left on device"):
        fsutil.atomic_write_all({target / "brief-fr.pdf": b"new pdf", target / "brief-fr.html": b"new"})
    assert (target / "brief-fr.html").read_text() == "old"
    assert sorted(p.name for p in target.iterdir()) == ["brief-fr.html"]
