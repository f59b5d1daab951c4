"""The real command: files, JSON contract, exit codes, imports."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, needs_apertium, path_without_apertium, run_briefgen

DATE = "2026-11-24"


@pytest.fixture(scope="module")
def apertium_brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("out-apertium")
    done = run_briefgen("make", "--lang", "en", "--engine", "apertium", "--date", DATE, "--out", str(out))
    return done, out


@needs_apertium
def test_make_with_apertium_writes_three_files(apertium_brief):
    done, out = apertium_brief
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (out / DATE).iterdir())
    assert names == ["brief-en.html", "brief-en.json", "brief-en.pdf"]
    assert (out / DATE / "brief-en.pdf").read_bytes().startswith(b"%PDF-")
    assert not list((out / DATE).glob(".*.tmp"))


@needs_apertium
def test_json_contract(apertium_brief):
    _, out = apertium_brief
    brief = json.loads((out / DATE / "brief-en.json").read_text())
    assert brief["briefgen_version"] == "0.1.0"
    assert brief["date"] == DATE and brief["lang"] == "en"
    assert brief["generated_at"].endswith("+00:00")
    assert brief["translation"] == {"engine": "apertium", "model": "fr-es > spa-eng"}
    assert brief["skipped"] == []
    sources = brief["sources"]
    assert len(sources) == 5
    assert [s["id"] for s in sources] == sorted(s["id"] for s in sources)
    for s in sources:
        assert set(s) >= {"id", "path", "sha256", "language", "title", "title_original", "outlet",
                          "published", "paragraphs", "summary", "statements"}
        assert s["language"] == "fr"
        # relative to the sources folder (seeds/), whatever the current directory
        assert s["path"] == s["id"] + ".txt" and len(s["sha256"]) == 64
        for p in s["paragraphs"]:
            assert set(p) == {"text_original", "language", "text", "check", "untranslated_words"} and p["text"]
            assert all(word in p["text"] for word in p["untranslated_words"])
            assert p["check"] or not p["untranslated_words"]
        for st in s["statements"]:
            assert st["kind"] in ("quote", "sentence")
            if st["kind"] == "quote":
                assert any(st["original"] in p["text_original"] for p in s["paragraphs"])
    by_id = {s["id"]: s for s in sources}
    assert by_id["000_624c5570f2c94b4c"]["title"].startswith("The United States and the EU")
    assert by_id["000_624c5570f2c94b4c"]["outlet"] == "Cinktank.com"
    assert by_id["002_ef8944e6bb02e4a7"]["published"] == "2017-12-04"
    stoltenberg = [st for st in by_id["001_08897cc2a1369cc8"]["statements"]
                   if st["kind"] == "quote" and st["speaker"] == "Jens Stoltenberg"]
    assert len(stoltenberg) == 6
    assert all(st["text"] != st["original"] for st in stoltenberg)  # translated, original kept
    # words apertium could not translate are listed, as the source writes them (not "equitativo")
    untranslated = {w for s in sources for p in s["paragraphs"] for w in p["untranslated_words"]}
    assert {"interopérables", "indéfectible", "équitable"} <= untranslated
    assert not {"equitativo", "desinformación"} & untranslated
    assert not any("equitativo" in p["text"] for s in sources for p in s["paragraphs"])


@needs_apertium
def test_english_paragraph_is_not_translated(apertium_brief):
    _, out = apertium_brief
    brief = json.loads((out / DATE / "brief-en.json").read_text())
    (seed,) = [s for s in brief["sources"] if s["id"] == "002_ef8944e6bb02e4a7"]
    (english,) = [p for p in seed["paragraphs"] if p["language"] == "en"]
    assert english["text"] == english["text_original"]
    assert english["text"].startswith("Press conference by NATO Secretary General Jens Stoltenberg")


@needs_apertium
def test_pdf_and_html_show_date_titles_and_speakers(apertium_brief):
    _, out = apertium_brief
    html = (out / DATE / "brief-en.html").read_text()
    assert "24 November 2026" in html and 'datetime="2026-11-24"' in html
    assert "Jens Stoltenberg" in html and "Antony Blinken" in html
    assert "apertium" in html
    assert '">indéfectible</i>' in html and '<i class="untranslated"' in html
    pdf_text = subprocess.run(["pdftotext", str(out / DATE / "brief-en.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
    assert "24 November 2026" in pdf_text
    assert "Jens Stoltenberg" in pdf_text
    assert "Page 1 of" in pdf_text
    assert "Machine-translated from French by apertium" in " ".join(pdf_text.split())


def test_make_with_tiny_argos_package(tmp_path, tiny_package_file):
    packages = tmp_path / "packages"
    env = {"ARGOS_PACKAGES_DIR": str(packages), "PATH": path_without_apertium(tmp_path)}
    done = run_briefgen("models", "install", "fr", "en", "--file", str(tiny_package_file), env=env)
    assert done.returncode == 0, done.stderr
    listed = run_briefgen("models", "list", env=env)
    assert "translate-fr_en" in listed.stdout and "0.0.1" in listed.stdout
    done = run_briefgen("make", "--lang", "en", "--engine", "argos", "--date", DATE, "--out", str(tmp_path / "o"),
                        "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    brief = json.loads((tmp_path / "o" / DATE / "brief-en.json").read_text())
    assert brief["translation"] == {"engine": "argos", "model": "translate-fr_en-0.0.1"}
    assert all(s["translation"]["engine"] == "argos" for s in brief["sources"])
    # auto picks the installed package too
    done = run_briefgen("make", "--date", DATE, "--out", str(tmp_path / "auto"), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "auto" / DATE / "brief-en.json").read_text())["translation"]["engine"] == "argos"


def test_no_engine_exits_3_with_install_command(tmp_path):
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "empty"), "PATH": path_without_apertium(tmp_path)}
    done = run_briefgen("make", "--lang", "en", "--out", str(tmp_path / "out"), env=env)
    assert done.returncode == 3, done.stderr
    assert "briefgen models install fr en" in done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*/brief-*"))


def test_explicit_argos_without_package_exits_3(tmp_path):
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "empty")}
    done = run_briefgen("make", "--engine", "argos", "--out", str(tmp_path / "out"), env=env)
    assert done.returncode == 3
    assert "briefgen models install fr en" in done.stderr


def test_inspect_json_has_paragraph_languages(seeds_dir):
    done = run_briefgen("inspect", *sorted(str(p) for p in seeds_dir.glob("*.txt")), "--json")
    assert done.returncode == 0, done.stderr
    sources = json.loads(done.stdout)
    assert len(sources) == 5
    (seed,) = [s for s in sources if s["id"] == "002_ef8944e6bb02e4a7"]
    languages = [p["language"] for p in seed["paragraphs"]]
    assert languages.count("en") == 1 and languages.count("fr") == len(languages) - 1
    quotes = [st for s in sources for st in s["statements"] if st["kind"] == "quote"]
    assert any(q["speaker"] == "Jens Stoltenberg" and q["evidence"] for q in quotes)
    assert all(s["translation"] is None for s in sources)


def test_inspect_text_output(seeds_dir):
    done = run_briefgen("inspect", str(seeds_dir / "001_08897cc2a1369cc8.txt"))
    assert done.returncode == 0
    assert "[Jens Stoltenberg, secrétaire général de l'OTAN]" in done.stdout and "language   fr" in done.stdout
    assert "from: a déclaré M. Stoltenberg" in done.stdout


def test_help_is_fast_and_imports_nothing_heavy():
    code = ("import sys, time; t = time.perf_counter()\n"
            "from briefgen.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('argostranslate', 'torch', 'weasyprint', 'ctranslate2', 'stanza', 'langdetect',"
            " 'trafilatura', 'jinja2', 'spacy') if m in sys.modules]\n"
            "print('HEAVY', heavy)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr
    assert "make" in done.stdout and "inspect" in done.stdout and "models" in done.stdout


def test_version():
    done = run_briefgen("--version")
    assert done.returncode == 0 and "0.1.0" in done.stdout


@pytest.mark.parametrize("args, code, message", [
    (["make", "--date", "2026-13-01"], 2, "not a real date"),
    (["make", "--date", "tomorrow"], 2, "YYYY-MM-DD"),
    (["make", "--format", "docx"], 2, "--format must be one or more of html, pdf, json, not ['docx']"),
    (["make", "--engine", "google"], 2, "google"),
    (["make", "--sources", "no/such/folder"], 4, "does not exist"),
], ids=["bad-date", "date-shape", "bad-format", "bad-engine", "missing-sources"])
def test_usage_errors(tmp_path, args, code, message):
    done = run_briefgen(*args, "--out", str(tmp_path / "out"))
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_empty_sources_folder_exits_4(tmp_path):
    (tmp_path / "src").mkdir()
    done = run_briefgen("make", "--sources", str(tmp_path / "src"), "--out", str(tmp_path / "out"))
    assert done.returncode == 4 and "no usable source" in done.stderr


@needs_apertium
def test_bad_files_are_skipped_and_listed(sources, tmp_path):
    (sources / "empty.txt").write_bytes(b"")
    (sources / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (sources / "copy of 001.txt").write_bytes((sources / "001_08897cc2a1369cc8.txt").read_bytes())
    done = run_briefgen("make", "--sources", str(sources), "--out", str(tmp_path / "out"), "--date", DATE,
                        "--engine", "apertium", "--format", "json,html")
    assert done.returncode == 0, done.stderr
    brief = json.loads((tmp_path / "out" / DATE / "brief-en.json").read_text())
    assert len(brief["sources"]) == 5
    reasons = {os.path.basename(s["path"]): s["reason"] for s in brief["skipped"]}
    assert reasons == {"empty.txt": "empty file", "image.txt": "not text (binary content: PNG image)"}
    # the same bytes under two names: one source that lists both names
    (seed,) = [s for s in brief["sources"] if s["id"] == "001_08897cc2a1369cc8"]
    assert [os.path.basename(p) for p in seed["duplicates"]] == ["copy of 001.txt"]
    assert "image.txt: not text" in done.stderr
    assert "empty.txt" in (tmp_path / "out" / DATE / "brief-en.html").read_text()


def test_lock_held_exits_5(tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".briefgen.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write("4242\n")
        handle.flush()
        done = run_briefgen("make", "--out", str(out))
    assert done.returncode == 5
    assert "4242" in done.stderr
