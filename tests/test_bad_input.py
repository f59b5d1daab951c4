"""Every kind of bad source, through the whole pipeline: reported by name with a reason,
the rest of the brief still made."""

import json
import shutil

import pytest

from briefgen.config import Config
from briefgen.errors import NoUsableSource
from briefgen.pipeline import make_brief
from conftest import SEEDS, run_briefgen

DAY = "2026-11-24"
FRENCH = ("Les ministres des Affaires étrangères de l'OTAN ont convenu mardi de renforcer leur coopération "
          "avec l'Union européenne, a déclaré le secrétaire général.\n")


def make(sources, tmp_path, **changes):
    config = Config(sources_dir=sources, out_dir=tmp_path / "out", lang="fr", engine="none", formats=("json",),
                    **changes)
    make_brief(config, DAY)
    return json.loads((tmp_path / "out" / DAY / "brief-fr.json").read_text())


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(FRENCH)
    return src


def skipped(brief):
    return {s["path"].rsplit("/", 1)[-1]: s["reason"] for s in brief["skipped"]}


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t \n", "empty file (only whitespace)"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not text (binary content: PNG image)"),
    ("short.txt", b"Oui.", "language could not be detected (too little text)"),
    ("big.txt", (FRENCH * 3000).encode(), "too large (0.5 MB, limit 0.1 MB)"),
], ids=["empty", "whitespace", "png-as-txt", "too-short", "too-large"])
def test_bad_source_is_listed_and_the_rest_is_made(folder, tmp_path, name, content, reason):
    (folder / name).write_bytes(content)
    brief = make(folder, tmp_path, max_bytes=100 * 1024)
    assert [s["id"] for s in brief["sources"]] == ["good"]
    assert skipped(brief) == {name: reason}


@pytest.mark.parametrize("name, data", [
    ("cp1252.txt", FRENCH.replace("'", "’").encode("cp1252")),
    ("latin1.txt", FRENCH.encode("latin-1")),
    ("utf16.txt", FRENCH.encode("utf-16")),
    ("saved page.html", f"<html><head><title>OTAN</title></head><body><nav>Accueil</nav><article><p>{FRENCH}</p>"
                        f"<p>{FRENCH}</p></article></body></html>".encode()),
    ("Bruxelles – réunion d’été.txt", FRENCH.encode()),
], ids=["cp1252", "latin-1", "utf-16-bom", "browser-html", "spaces-and-accents-in-name"])
def test_sources_that_look_odd_but_are_fine(tmp_path, name, data):
    src = tmp_path / "src"
    src.mkdir()
    (src / name).write_bytes(data)
    brief = make(src, tmp_path)
    (source,) = brief["sources"]
    assert source["path"].endswith(name) and brief["skipped"] == []
    assert "Union européenne" in source["paragraphs"][0]["text"]


def test_unreadable_file(folder, tmp_path, monkeypatch):
    """Permission denied (simulated: the tests run as root, who may read anything)."""
    from briefgen import sources

    (folder / "secret.txt").write_text(FRENCH + "secret")
    real_open = sources._open

    def guarded(path):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(sources, "_open", guarded)
    assert skipped(make(folder, tmp_path)) == {"secret.txt": "cannot be read (permission denied)"}


def test_links_folders_duplicates_and_other_files(folder, tmp_path):
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    (folder / "archive.txt").mkdir()
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # a .docx that is not one
    shutil.copy(folder / "good.txt", folder / "good copy.txt")
    brief = make(folder, tmp_path)
    reasons = skipped(brief)
    assert reasons["gone.txt"] == "broken symbolic link"
    assert reasons["archive.txt"] == "is a directory, not a file"
    assert reasons["notes.odt"].startswith("unsupported file type '.odt'")
    assert reasons["notes.docx"] == "damaged Word document (not a readable ZIP archive)"
    (source,) = brief["sources"]  # the same bytes twice: one source with both names
    names = {p.rsplit("/", 1)[-1] for p in [source["path"], *source["duplicates"]]}
    assert names == {"good.txt", "good copy.txt"}


def test_language_without_route_is_kept(folder, tmp_path):
    (folder / "de.txt").write_text("Die Außenminister der NATO-Staaten haben sich am Dienstag in Brüssel getroffen, "
                                   "um über die Zusammenarbeit mit der Europäischen Union zu sprechen.\n")
    brief = make(folder, tmp_path)
    german = next(s for s in brief["sources"] if s["id"] == "de")
    assert german["language"] == "de" and german["translation"]["untranslated"] == ["de"]
    assert german["paragraphs"][0]["text"] == german["paragraphs"][0]["text_original"]


@pytest.mark.parametrize("setup", ["missing", "empty", "only-bad"])
def test_no_usable_source_exits_4(tmp_path, setup):
    src = tmp_path / "src"
    if setup != "missing":
        src.mkdir()
    if setup == "only-bad":
        (src / "empty.txt").write_text("")
    with pytest.raises(NoUsableSource):
        make(src, tmp_path)
    done = run_briefgen("make", "--sources", str(src), "--out", str(tmp_path / "out2"))
    assert done.returncode == 4 and "Traceback" not in done.stderr


def test_whole_make_tries_no_network(tmp_path, no_network, tiny_package_file, argos_dirs):
    """Ingest to PDF, with Argos (tiny package, empty stanza-like folder or not): nothing
    tries to connect anywhere."""
    from briefgen.translate.packages import install_from_file

    install_from_file(tiny_package_file)
    make_brief(Config(sources_dir=SEEDS, out_dir=tmp_path / "out", engine="argos",
                      cache_path=tmp_path / "tm.sqlite3"), DAY)
    assert (tmp_path / "out" / DAY / "brief-en.pdf").read_bytes().startswith(b"%PDF")
    assert no_network == []
