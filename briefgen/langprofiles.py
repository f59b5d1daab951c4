"""langdetect's language profiles, loaded once and kept in a compact cache file.

langdetect reads its 55 JSON profiles and builds a table of about 88,000 n-grams × 55
languages in every process that detects a language: about half a second, most of the
time ``briefgen inspect`` of a few files takes. Here that table is built once, by
langdetect itself, and written to the user's cache folder as flat arrays (the n-grams,
and for each the languages it occurs in with langdetect's own probabilities, as the same
doubles). A process then reads the file in a few milliseconds, and builds a row of 55
probabilities only for the n-grams a text actually draws.

The answers are langdetect's own: the same Detector runs on the same numbers, with the
languages in the same order (langdetect's order is that of ``os.listdir`` on its profile
folder, which is part of the cache key). The cache is keyed on langdetect's code and
the profile files' names, sizes and dates; a missing, stale or unreadable file is built
again, and a cache folder that cannot be written only costs the time it saves.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
from array import array
from pathlib import Path

log = logging.getLogger(__name__)
FORMAT = 1  # bump when the file's layout changes


class ProfileRows(dict):
    """n-gram → probabilities per language, as langdetect's ``word_lang_prob_map``.

    Membership is a plain dict lookup (the dict maps each n-gram to its row number);
    a row of probabilities is built on first use and kept.
    """

    def __init__(self, grams: list[str], starts: array, languages: array, probabilities: array, size: int):
        super().__init__(zip(grams, range(len(grams)), strict=True))
        self._starts, self._languages, self._probabilities = starts, languages, probabilities
        self._size = size
        self._rows: dict[str, list[float]] = {}

    def __getitem__(self, gram: str) -> list[float]:
        row = self._rows.get(gram)
        if row is None:
            number = dict.__getitem__(self, gram)
            row = [0.0] * self._size
            for k in range(self._starts[number], self._starts[number + 1]):
                row[self._languages[k]] = self._probabilities[k]
            self._rows[gram] = row
        return row


def profile_folder() -> Path:
    from langdetect import detector_factory

    return Path(detector_factory.PROFILES_DIRECTORY)


def cache_key(folder: Path) -> str:
    """What the table is made of: langdetect's code that builds it, and its profile
    files in the order langdetect reads them (names, sizes, dates)."""
    from langdetect import detector_factory

    digest = hashlib.sha256(f"{FORMAT}|{folder}".encode())
    for path in [Path(detector_factory.__file__)] + [folder / name for name in os.listdir(folder)]:
        stat = path.stat()
        digest.update(f"|{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def default_cache_file(key: str) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefgen")) / f"langdetect-profiles-{key}.marshal"


def load_factory(cache_file: Path | None = None):
    """A langdetect ``DetectorFactory`` with every profile, from the cache when it can."""
    from langdetect.detector_factory import DetectorFactory

    folder = profile_folder()
    key = cache_key(folder)
    cache_file = cache_file or default_cache_file(key)
    factory = DetectorFactory()
    loaded = _read(cache_file, key)
    if loaded is None:
        factory.load_profile(str(folder))
        loaded = _compact(factory.langlist, factory.word_lang_prob_map)
        _write(cache_file, key, loaded)
    langlist, grams, starts, languages, probabilities = loaded
    factory.langlist = langlist
    factory.word_lang_prob_map = ProfileRows(grams, starts, languages, probabilities, len(langlist))
    return factory


def _compact(langlist: list[str], table: dict[str, list[float]]):
    grams = list(table)
    starts = array("I", [0])
    languages = array("B")
    probabilities = array("d")
    for gram in grams:
        for index, probability in enumerate(table[gram]):
            if probability:
                languages.append(index)
                probabilities.append(probability)
        starts.append(len(probabilities))
    return list(langlist), grams, starts, languages, probabilities


def _read(path: Path, key: str):
    try:
        data = marshal.loads(path.read_bytes())
        stored_key, langlist, joined, starts_bytes, languages_bytes, probabilities_bytes = data
        if stored_key != key:
            return None
        starts, languages, probabilities = array("I"), array("B"), array("d")
        starts.frombytes(starts_bytes)
        languages.frombytes(languages_bytes)
        probabilities.frombytes(probabilities_bytes)
        grams = joined.split("\0")
        if len(starts) != len(grams) + 1 or len(languages) != len(probabilities) or starts[-1] != len(languages):
            return None
        return langlist, grams, starts, languages, probabilities
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, EOFError) as exc:
        log.debug("langdetect profile cache %s unusable (%s): rebuilding it", path, exc)
        return None


def _write(path: Path, key: str, loaded) -> None:
    langlist, grams, starts, languages, probabilities = loaded
    if any("\0" in gram for gram in grams):  # the separator of the file's n-gram list
        return
    data = marshal.dumps((key, langlist, "\0".join(grams), starts.tobytes(), languages.tobytes(),
                          probabilities.tobytes()))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)  # processes building it at once each rename a whole file
        for stale in path.parent.glob("langdetect-profiles-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        log.debug("cannot keep langdetect's profiles in %s (%s): they are read again next time", path, exc)
