# The two commands of the README:
#   make demo   set everything up, then make today's brief from seeds/ into out/
#   make test   set everything up, then run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test check-output setup system-deps bench bench-translate bench-extract bench-fetch clean

demo: setup
	$(BIN)/briefgen make --lang en

test: setup
	$(BIN)/python -m pytest -q

# the seeds' brief checked with readers' tools: HTML and feed validators, Chromium at 390 px,
# pdfinfo, page breaks (also part of make test)
check-output: setup
	$(BIN)/python -m pytest -q tests/test_output_checks.py tests/test_feed.py tests/test_page_breaks.py

setup: system-deps $(VENV)/.installed

system-deps:
	@bash scripts/install-system-deps.sh

$(VENV)/.installed: pyproject.toml scripts/setup-venv.sh
	PYTHON=$(PYTHON) bash scripts/setup-venv.sh $(VENV)
	@touch $@

# time and memory of every stage, and how they grow with the number of sources
bench: setup
	$(BIN)/python benchmarks/bench.py

bench-translate: setup
	$(BIN)/python benchmarks/translate.py

# briefgen fetch of 200 items from local servers: items/s, per-host delay honoured
bench-fetch: setup
	$(BIN)/python benchmarks/fetch.py

# key sentences (ROUGE against OrangeSum abstracts) and quote/speaker/date accuracy
bench-extract: setup
	$(BIN)/python -m pip install --quiet sumy
	$(BIN)/python benchmarks/summaries.py
	$(BIN)/python benchmarks/train_ranking.py --check
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/extract_scale.py

clean:
	rm -rf $(VENV) out .pytest_cache
