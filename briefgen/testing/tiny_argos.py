"""Build a small but valid Argos Translate package (.argosmodel) offline, for tests and
benchmarks. Its weights are random (seeded), so its output is nonsense: use it to test
plumbing and to measure speed, never wording.

    python -m briefgen.testing.tiny_argos OUT.argosmodel [--size tiny|base] [--splitter minisbd|stanza|none]

Contents, in one top-level folder (the layout argostranslate 1.11 reads):
  metadata.json        from_code, to_code, package_version, …
  sentencepiece.model  trained on the given texts (tiny: unigram 600; base: BPE 3000)
  model/               CTranslate2 Transformer with seeded random weights, int8
  minisbd/<from>.onnx  (--splitter minisbd) a rule-based sentence splitter in MiniSBD's ONNX
                       format, so argostranslate's own translate() never downloads one
  stanza/              (--splitter stanza) an empty folder, like the real fr→en package's
                       Stanza data: argostranslate then wants the network; briefgen must not

--size tiny: 2+2 layers, d_model 32, 4 heads, FFN 64 (about 80 KB of weights).
--size base: 6+6 layers, d_model 512, 8 heads, FFN 2048, 50 000-entry shared vocabulary,
             int8: the shape of Argos's fr→en model, for benchmarks (about 65 MB).
The same arguments give byte-identical files. Needs numpy, sentencepiece, ctranslate2.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import zipfile
from pathlib import Path

SIZES = {
    "tiny": dict(layers=2, d=32, heads=4, ffn=64, vocab=None, sp_type="unigram", sp_vocab=600),
    # BPE 3000 on the seeds gives ~1.24 pieces a word, close to a 50k general model on news
    "base": dict(layers=6, d=512, heads=8, ffn=2048, vocab=50000, sp_type="bpe", sp_vocab=3000),
}
NAMES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian"}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def train_sentencepiece(texts: list[str], model_type: str, vocab_size: int) -> tuple[bytes, list[str]]:
    import sentencepiece as spm

    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    buf = io.BytesIO()  # no file path ends up in the model: reproducible bytes
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buf, vocab_size=vocab_size,
        model_type=model_type, character_coverage=1.0, hard_vocab_limit=False,
        num_threads=1, minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_proto=buf.getvalue())
    return buf.getvalue(), [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _shape(name: str, d: int, ffn: int, vocab: int) -> tuple[int, ...]:
    *_, block, layer, leaf = name.split("/")
    if layer.startswith("embeddings") or layer == "projection":
        return (vocab, d) if leaf == "weight" else (vocab,)
    if layer == "layer_norm":
        return (d,)
    out_in = {
        "self_attention": [(3 * d, d), (d, d)],  # fused QKV, output
        "attention": [(d, d), (2 * d, d), (d, d)],  # Q, fused KV, output
        "ffn": [(ffn, d), (d, ffn)],
    }[block][int(layer.split("_")[1])]
    return out_in if leaf == "weight" else out_in[:1]


def build_ct2_model(out_dir: Path, vocab: list[str], layers: int, d: int, heads: int, ffn: int,
                    seed: int) -> None:
    import numpy as np
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(layers, heads)  # pre-norm, ReLU
    rng = np.random.default_rng(seed)
    size = len(vocab)
    embeddings = rng.normal(0, d ** -0.5, (size, d)).astype(np.float32)  # shared everywhere

    def fill(layer, name, value):
        leaf = name.split("/")[-1]
        wanted = value is None or (leaf == "bias" and ("/linear_" in name or "/projection" in name))
        if not wanted:
            return
        shape = _shape(name, d, ffn, size)
        if leaf == "weight" and shape == (size, d):
            array = embeddings
        elif leaf == "gamma":
            array = np.ones(shape, np.float32)
        elif leaf == "beta":
            array = np.zeros(shape, np.float32)
        else:
            array = rng.normal(0, 0.02 if leaf == "bias" else shape[-1] ** -0.5, shape).astype(np.float32)
        setattr(layer, leaf, array)

    spec._visit(fill)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")  # as Argos ships its models
    out_dir.mkdir(parents=True)
    spec.save(str(out_dir))


# ---------------------------------------------------------------- MiniSBD ONNX splitter
# A hand-encoded ONNX graph (protobuf field numbers from onnx.proto), so no onnx package
# is needed. MiniSBD feeds units[B,T] (char ids) and features[B,T,F] and takes the argmax
# of logits[B,T,5]: 0 inside a token, 1 token end, 2 sentence end. A unit ends a token
# when the next char is a space or the end, and a sentence when it is also . ! ? or ….
def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, value) -> bytes:
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    value = value.encode() if isinstance(value, str) else value
    return _varint(number << 3 | 2) + _varint(len(value)) + value


def _tensor(name: str, array) -> bytes:  # TensorProto: dims=1 data_type=2 name=8 raw_data=9
    import numpy as np

    dtype = {np.dtype(np.int64): 7, np.dtype(np.float32): 1}[array.dtype]
    return (b"".join(_field(1, n) for n in array.shape) + _field(2, dtype) + _field(8, name)
            + _field(9, array.tobytes()))


def _node(op: str, inputs: list[str], outputs: list[str], **int_attrs) -> bytes:
    attrs = b"".join(_field(5, _field(1, k) + _field(3, v) + _field(20, 2)) for k, v in int_attrs.items())
    return (b"".join(_field(1, i) for i in inputs) + b"".join(_field(2, o) for o in outputs)
            + _field(3, outputs[0]) + _field(4, op) + attrs)


def _value_info(name: str, elem_type: int, dims: list) -> bytes:
    shape = b"".join(_field(1, _field(2, n) if isinstance(n, str) else _field(1, n)) for n in dims)
    return _field(1, name) + _field(2, _field(1, _field(1, elem_type) + _field(2, shape)))


def minisbd_onnx(lang: str) -> bytes:
    import numpy as np

    units = ["<PAD>", "<UNK>", " ", ".", "!", "?", "…"]  # every id >= 3 is final punctuation
    vocab = {"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
             "_id2unit": units, "_unit2id": {u: i for i, u in enumerate(units)}}
    config = {"skip_newline": False, "max_seqlen": 1000, "no_ssplit": False, "batch_size": 32,
              "feat_funcs": ["space_before"], "use_dictionary": False, "num_dict_feat": 0}
    consts = {"c0": np.array(0, np.int64), "c2": np.array(2, np.int64), "one": np.array([1], np.int64),
              "big": np.array([2 ** 62], np.int64), "pads": np.array([0, 0, 0, 1], np.int64),
              "depth": np.array(5, np.int64), "onoff": np.array([0.0, 1.0], np.float32)}
    nodes = [_node("Greater", ["units", "c2"], ["is_punct"]),
             _node("Slice", ["units", "one", "big", "one"], ["next0"]),
             _node("Pad", ["next0", "pads"], ["next"]),
             _node("Equal", ["next", "c2"], ["next_space"]),
             _node("Equal", ["next", "c0"], ["next_pad"]),
             _node("Or", ["next_space", "next_pad"], ["tok_end_b"]),
             _node("And", ["tok_end_b", "is_punct"], ["sent_end_b"]),
             _node("Cast", ["tok_end_b"], ["tok_end"], to=7),
             _node("Cast", ["sent_end_b"], ["sent_end"], to=7),
             _node("Add", ["tok_end", "sent_end"], ["label"]),
             _node("OneHot", ["label", "depth", "onoff"], ["logits"])]
    graph = (b"".join(_field(1, n) for n in nodes) + _field(2, "rule_sbd")
             + b"".join(_field(5, _tensor(k, v)) for k, v in consts.items())
             + _field(11, _value_info("units", 7, ["B", "T"]))
             + _field(11, _value_info("features", 1, ["B", "T", "F"]))
             + _field(12, _value_info("logits", 1, ["B", "T", 5])))
    meta = {"lang_code": lang, "config": json.dumps(config), "vocab": json.dumps(vocab), "lexicon": "null"}
    # ModelProto: ir_version=1 producer_name=2 graph=7 opset_import=8 metadata_props=14
    return (_field(1, 8) + _field(2, "briefgen-tiny-argos") + _field(7, graph)
            + _field(8, _field(1, "") + _field(2, 13))
            + b"".join(_field(14, _field(1, k) + _field(2, v)) for k, v in meta.items()))


def make_package(output: Path, texts: list[str], from_code: str = "fr", to_code: str = "en",
                 size: str = "tiny", seed: int = 0, splitter: str = "minisbd",
                 version: str = "0.0.1") -> Path:
    """Write a .argosmodel file to ``output`` and return its path."""
    cfg = SIZES[size]
    if not texts:
        raise ValueError("the SentencePiece model needs some training text")
    name = f"translate-{from_code}_{to_code}-{size}" + ("" if splitter == "minisbd" else f"-{splitter}")
    sp_bytes, vocab = train_sentencepiece(texts, cfg["sp_type"], cfg["sp_vocab"])
    if cfg["vocab"]:  # pad to the real model's vocabulary size (embedding and softmax cost)
        vocab += [f"<dummy{i}>" for i in range(cfg["vocab"] - len(vocab))]
    meta = {"package_version": version, "argos_version": "1.9.0", "code": f"translate-{from_code}_{to_code}",
            "from_code": from_code, "from_name": NAMES.get(from_code, from_code),
            "to_code": to_code, "to_name": NAMES.get(to_code, to_code), "links": []}
    files = {
        "metadata.json": json.dumps(meta, indent=2).encode(),
        "README.md": f"Random-weights {size} test package (nonsense output), seed {seed}.\n".encode(),
        "sentencepiece.model": sp_bytes,
    }
    if splitter == "minisbd":
        files[f"minisbd/{from_code}.onnx"] = minisbd_onnx(from_code)
    with tempfile.TemporaryDirectory(prefix="briefgen-pkg-") as tmp:
        build_ct2_model(Path(tmp) / "model", vocab, cfg["layers"], cfg["d"], cfg["heads"], cfg["ffn"], seed)
        for f in sorted((Path(tmp) / "model").iterdir()):
            files[f"model/{f.name}"] = f.read_bytes()
    output = Path(output)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        if splitter == "stanza":  # an empty folder entry, as a directory in the archive
            archive.writestr(zipfile.ZipInfo(f"{name}/stanza/", date_time=_FIXED_TIME), b"")
        for rel, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(f"{name}/{rel}", date_time=_FIXED_TIME), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--from", dest="from_code", default="fr")
    parser.add_argument("--to", dest="to_code", default="en")
    parser.add_argument("--size", choices=SIZES, default="tiny")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--splitter", choices=["minisbd", "stanza", "none"], default="minisbd")
    parser.add_argument("--text", nargs="+", type=Path, default=sorted(Path("seeds").glob("*.txt")),
                        help="training text for SentencePiece (default: seeds/*.txt)")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in args.text]
    out = make_package(args.output, texts, args.from_code, args.to_code, args.size, args.seed, args.splitter)
    print(f"{out}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
