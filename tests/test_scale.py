"""Growing from 5 sources to thousands: the same brief in parallel, on a Dask cluster,
cross-source matching without comparing every pair, a compact PDF for big briefs."""

import json
import random
import shutil

import pytest

from briefgen import crossref
from briefgen.config import Config
from briefgen.model import Document, Paragraph, Segment, SourceBrief, Statement
from briefgen.pipeline import make_brief
from conftest import SEEDS, needs_apertium

DAY = "2026-11-24"
WORDS = ("défense sécurité alliance ministre sommet frontière coopération armée marine budget drone "
         "satellite accord traité sanction énergie gaz port navire missile radar cyber élection réforme "
         "industrie munitions satellite usine brigade exercice manœuvre base piste hôpital école").split()


def many_sources(folder, n, seed=0):
    """``n`` distinct French sources made from the seeds' paragraphs."""
    rng = random.Random(seed)
    paragraphs = [p for path in sorted(SEEDS.glob("*.txt")) for p in path.read_text().split("\n")
                  if len(p.split()) > 12]
    folder.mkdir()
    for i in range(n):
        body = "\n\n".join(rng.sample(paragraphs, 3) + [f"Le ministre a évoqué le dossier numéro {i} : "
                                                         + " ".join(rng.sample(WORDS, 8)) + "."])
        (folder / f"s{i:03d}.txt").write_text(body + "\n")
    return folder


def brief_json(out, lang="fr"):
    data = json.loads((out / DAY / f"brief-{lang}.json").read_text())
    data.pop("generated_at")
    return data


def test_process_pool_gives_the_same_brief(tmp_path):
    sources = many_sources(tmp_path / "src", 30)
    common = dict(sources_dir=sources, lang="fr", engine="none", formats=("json",))
    make_brief(Config(out_dir=tmp_path / "serial", workers=1, **common), DAY)
    make_brief(Config(out_dir=tmp_path / "pool", workers=2, **common), DAY)
    assert brief_json(tmp_path / "pool") == brief_json(tmp_path / "serial")


def without_texts(data):
    """The brief without the translated texts (a random model's output shifts with batch shape)."""
    for source in data["sources"]:
        assert all(p["text"] for p in source["paragraphs"])
        for p in source["paragraphs"]:
            p.pop("text"), p.pop("check")
        source.pop("summary"), source.pop("title")
        for st in source["statements"]:
            assert st.pop("text")
            st.pop("check"), st.pop("role")
    data.pop("key_points"), data.pop("people")
    return data


def test_dask_cluster_with_argos(tmp_path, tiny_package_file, argos_dirs, monkeypatch):
    """Three local worker processes translate (each loading the model once) and extract."""
    from briefgen.translate.packages import install_from_file

    install_from_file(tiny_package_file)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos_dirs))  # the workers are other processes
    sources = tmp_path / "src"
    shutil.copytree(SEEDS, sources)
    common = dict(sources_dir=sources, engine="argos", formats=("json",), cache=False)
    local = make_brief(Config(out_dir=tmp_path / "local", **common), DAY)
    spread = make_brief(Config(out_dir=tmp_path / "cluster", cluster="local:3", **common), DAY)
    assert spread.brief.translation == local.brief.translation == {"engine": "argos",
                                                                   "model": "translate-fr_en-0.0.1"}
    assert without_texts(brief_json(tmp_path / "cluster", "en")) == without_texts(brief_json(tmp_path / "local", "en"))


@needs_apertium
def test_dask_cluster_gives_the_same_brief(tmp_path):
    """Apertium translates each unit on its own, so chunks on workers change nothing."""
    sources = many_sources(tmp_path / "src", 30)
    common = dict(sources_dir=sources, engine="apertium", formats=("json",), cache=False)
    make_brief(Config(out_dir=tmp_path / "local", **common), DAY)
    make_brief(Config(out_dir=tmp_path / "cluster", cluster="local:2", **common), DAY)
    assert brief_json(tmp_path / "cluster", "en") == brief_json(tmp_path / "local", "en")


def fake_brief(i, words):
    text = " ".join(words)
    doc = Document(id=f"d{i}", path=f"d{i}.txt", sha256=str(i), language="fr", published=DAY,
                   paragraphs=(Paragraph(text, (Segment(text, text),), "fr"),))
    quote = Statement(kind="quote", text=text[:80], original=" ".join(words[:12]))
    return SourceBrief(document=doc, summary=(), quotes=(quote,))


def test_cross_source_matching_does_not_compare_every_pair(monkeypatch):
    rng = random.Random(1)
    vocabulary = [f"mot{k}" for k in range(5000)]
    briefs = [fake_brief(i, rng.sample(vocabulary, 60)) for i in range(1500)]
    briefs += [fake_brief(1500 + i, briefs[i].document.paragraphs[0].text_original.split()) for i in range(20)]
    calls = {"cosine": 0}
    real = crossref.cosine

    def counting(a, b):
        calls["cosine"] += 1
        return real(a, b)

    monkeypatch.setattr(crossref, "cosine", counting)
    groups = crossref.group_sources(briefs)
    n = len(briefs)
    assert calls["cosine"] < 5 * n  # all pairs would be n²/2 ≈ 1,150,000
    assert sum(1 for g in groups if len(g) == 2) == 20  # the 20 copies found their originals
    linked = crossref.link_statements(briefs)
    assert sum(1 for b in linked for q in b.quotes if q.also_in) == 40


def test_big_brief_has_a_compact_pdf_and_a_full_html(tmp_path):
    import subprocess

    sources = many_sources(tmp_path / "src", 45)
    make_brief(Config(sources_dir=sources, out_dir=tmp_path / "out", lang="fr", engine="none",
                      formats=("html", "pdf")), DAY)
    text = subprocess.run(["pdftotext", str(tmp_path / "out" / DAY / "brief-fr.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Toutes les sources en bref" in text and "Formulation d’origine" not in text
    html = (tmp_path / "out" / DAY / "brief-fr.html").read_text()
    assert html.count('<article class="source"') == 45


@pytest.mark.parametrize("cluster, message", [("tcp://127.0.0.1:1", "")])
def test_unreachable_cluster_is_an_error(tmp_path, cluster, message, monkeypatch):
    from briefgen import parallel
    from briefgen.parallel import make_executor

    # nothing listens there: Dask retries until its timeout (30 s in use; 2 s is enough here)
    monkeypatch.setattr(parallel, "WORKER_WAIT_SECONDS", 2)
    with pytest.raises(OSError):
        make_executor(cluster)
