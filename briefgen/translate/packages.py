"""Installed Argos Translate packages: listing, installing, and what each one is.

argostranslate's own ``get_installed_packages`` raises on the first broken package
folder; here each folder is read on its own, so one broken folder is reported and the
others stay usable. Packages are installed with argostranslate's installer.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefgenError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArgosPackage:
    name: str  # e.g. "translate-fr_en"
    version: str
    from_code: str
    to_code: str
    path: Path
    size_bytes: int
    sentence_splitter: str | None  # "stanza", "minisbd", "spacy" or None
    target_prefix: str = ""

    @property
    def model_id(self) -> str:
        return f"{self.name}-{self.version}" if self.version else self.name


@dataclass(frozen=True)
class BrokenPackage:
    path: Path
    reason: str


def quiet_argos_logging() -> None:
    """argostranslate logs whole source texts at INFO: keep it to warnings."""
    logging.getLogger("argostranslate").setLevel(logging.WARNING)
    os.environ.setdefault("ARGOS_DEBUG", "0")


def package_dirs() -> list[Path]:
    quiet_argos_logging()
    from argostranslate import settings

    return [Path(d) for d in settings.package_dirs]


def installed_packages() -> tuple[list[ArgosPackage], list[BrokenPackage]]:
    """Every installed package, and every package folder that cannot be used."""
    from argostranslate.package import Package

    good: list[ArgosPackage] = []
    broken: list[BrokenPackage] = []
    for directory in package_dirs():
        if not directory.is_dir():
            continue
        for folder in sorted(directory.iterdir()):
            if not folder.is_dir():
                continue
            try:
                pkg = Package(folder)
            except (OSError, ValueError) as exc:  # FileNotFoundError, JSONDecodeError
                broken.append(BrokenPackage(folder, _reason(exc)))
                continue
            if getattr(pkg, "type", "translate") != "translate":
                continue  # e.g. the sentence-splitting ("sbd") packages of older Argos versions
            problem = _check(pkg, folder)
            if problem:
                broken.append(BrokenPackage(folder, problem))
                continue
            good.append(_describe(pkg, folder))
    return good, broken


def _reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no metadata.json (not an Argos package folder)"
    return f"unreadable metadata.json ({exc})"


def _check(pkg, folder: Path) -> str | None:
    if not pkg.from_code or not pkg.to_code:
        return "metadata.json names no from_code/to_code"
    if not (folder / "model" / "model.bin").is_file():
        return "no CTranslate2 model (model/model.bin missing)"
    if getattr(pkg, "tokenizer", None) is None:
        return "no tokenizer (sentencepiece.model or bpe.model missing)"
    return None


def _describe(pkg, folder: Path) -> ArgosPackage:
    splitter = None
    sbd_path = getattr(pkg, "packaged_sbd_path", None)
    if sbd_path is not None:
        splitter = Path(sbd_path).name
    return ArgosPackage(
        name=pkg.code or f"translate-{pkg.from_code}_{pkg.to_code}",
        version=pkg.package_version or "",
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        path=folder,
        size_bytes=sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()),
        sentence_splitter=splitter,
        target_prefix=getattr(pkg, "target_prefix", "") or "",
    )


def find_package(source: str, target: str) -> ArgosPackage | None:
    """The newest installed package for the pair, if any."""
    from packaging.version import InvalidVersion, Version

    def version_key(p: ArgosPackage):
        try:
            return Version(p.version)
        except InvalidVersion:
            return Version("0")

    candidates = [p for p in installed_packages()[0] if (p.from_code, p.to_code) == (source, target)]
    return max(candidates, key=version_key) if candidates else None


def install_from_file(path: Path) -> ArgosPackage:
    """Install a .argosmodel file with argostranslate's installer; return what it added."""
    import zipfile

    path = Path(path)
    if not path.is_file():
        raise BriefgenError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise BriefgenError(f"{path}: not an Argos package (a .argosmodel file is a zip archive)")
    with zipfile.ZipFile(path) as archive:
        tops = {name.split("/")[0] for name in archive.namelist() if name.strip("/")}
        if len(tops) != 1 or f"{next(iter(tops))}/metadata.json" not in archive.namelist():
            raise BriefgenError(f"{path}: not an Argos package (no top folder with metadata.json)")
    top = tops.pop()
    quiet_argos_logging()
    from argostranslate import package as argos_package

    argos_package.install_from_path(path)
    installed = [p for p in installed_packages()[0] if p.path.name == top]
    if not installed:
        raise BriefgenError(f"{path}: installed, but argostranslate cannot read the package")
    return installed[0]


def install_from_index(source: str, target: str) -> ArgosPackage:
    """Download and install the package for a pair from Argos's index (needs internet)."""
    quiet_argos_logging()
    import urllib.request

    from argostranslate import package as argos_package
    from argostranslate import settings

    try:
        with urllib.request.urlopen(settings.remote_package_index, timeout=20) as response:
            data = response.read()
    except OSError as exc:
        raise BriefgenError(
            f"cannot reach Argos's package index ({settings.remote_package_index}): {exc}. "
            f"On a machine without internet, copy a .argosmodel file here and run "
            f"'briefgen models install {source} {target} --file PKG.argosmodel'"
        ) from None
    Path(settings.local_package_index).write_bytes(data)
    available = [
        p for p in argos_package.get_available_packages() if (p.from_code, p.to_code) == (source, target)
    ]
    if not available:
        raise BriefgenError(f"Argos's package index has no {source}→{target} package")
    try:
        downloaded = available[0].download()
    except Exception as exc:  # argostranslate raises bare Exception on download failure
        raise BriefgenError(f"download of the {source}→{target} package failed: {exc}") from None
    try:
        return install_from_file(Path(downloaded))
    finally:
        Path(downloaded).unlink(missing_ok=True)
