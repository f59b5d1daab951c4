"""Random bytes and file names thrown at ingestion: a Document or a SourceError with a
reason, never anything else."""

import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.detect import detect
from briefgen.errors import SourceError
from briefgen.ingest import SUPPORTED_SUFFIXES, discover, ingest

NAME_CHARS = string.ascii_letters + string.digits + " -_.,'’éèàçôûÉœ«»()[]&%#@!"
_FOLDER = Path(tempfile.mkdtemp(prefix="briefgen-fuzz-"))

# some structure: real text, page furniture, quotes, encodings mixed with noise
PIECES = [b"", b"\n", b"\n\n", "Les ministres de l'OTAN « ont dit » ".encode(), b"\xff\xfe", b"\xef\xbb\xbf",
          b"\x00", b"<html><body><p>", b"</p></body></html>", b"Lire aussi : ", b"\x89PNG",
          "3 déc. (AFP) – ".encode("cp1252"), b'"', "« ".encode(), " »".encode("utf-16")]
contents = st.one_of(st.binary(max_size=3000),
                     st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=40)), max_size=30).map(b"".join),
                     st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")))
names = st.tuples(st.text(NAME_CHARS, min_size=1, max_size=40), st.sampled_from(SUPPORTED_SUFFIXES + (".TXT", "")))


@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=contents, name=names)
def test_ingestion_never_crashes(data, name):
    stem, suffix = name
    stem = stem.strip().lstrip(".") or "x"
    path = _FOLDER / f"{stem}{suffix}"
    try:
        path.write_bytes(data)
    except OSError:  # a name this file system refuses is not briefgen's to read
        return
    try:
        doc = detect(ingest(path, max_bytes=2500))
    except SourceError as error:
        assert error.reason and error.path.endswith(path.name)
    else:
        assert doc.paragraphs and doc.language
        for quote in doc.quotes:
            assert quote.original in doc.body or quote.original in (doc.title.original if doc.title else "")
    finally:
        path.unlink(missing_ok=True)
    usable, rejected = discover(_FOLDER)
    assert not usable and not rejected
