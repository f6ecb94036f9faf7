# Two commands for a fresh clone (Python 3.11+ and pip, nothing else):
#   make demo   - run the main job on the bundled example data
#   make test   - run the whole test suite (unit tests, doctests, notebooks, browser)
# For daily work: make check (unit tests and doctests, no notebooks or browser);
# make thorough runs make test with every random example (nightly).
# Each creates and reuses a local virtual environment in .venv/.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test check thorough app lint bench clean

# editable_mode=compat puts the repository on sys.path through a .pth file, so a clone
# folder named backpain seen from its parent does not shadow the package
# (setuptools' default finder comes after the namespace-package scan).
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . --config-settings editable_mode=compat
	touch $@

$(VENV)/.full: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,notebook]" --config-settings editable_mode=compat
	touch $(VENV)/.core $(VENV)/.app $@

$(VENV)/.app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[notebook]" --config-settings editable_mode=compat
	touch $(VENV)/.core $@

demo: $(VENV)/.core
	$(BIN)/backpain demo

# pytest-xdist: one worker per core (at most 4), a test file's tests in one worker
# (the server, browser and Dask tests share a module's server or cluster)
PARALLEL := -n auto --maxprocesses=4 --dist loadfile

test: $(VENV)/.full
	$(BIN)/python -m pytest $(PARALLEL)

check: $(VENV)/.full
	$(BIN)/python -m pytest $(PARALLEL) tests backpain -m "not browser and not notebook and not slow"

thorough: $(VENV)/.full
	BACKPAIN_THOROUGH=1 $(BIN)/python -m pytest $(PARALLEL)

app: $(VENV)/.app
	$(BIN)/backpain app $(APP_ARGS)

lint: $(VENV)/.full
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.full
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) backpain-output .pytest_cache
