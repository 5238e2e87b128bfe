.PHONY: demo test lint format

demo:  ## set up ./.venv, then serve the demo on http://127.0.0.1:8000
	scripts/demo.sh

test:  ## set up ./.venv, then run lint, types and every test
	scripts/test.sh

format:
	scripts/venv.sh
	.venv/bin/ruff format src tests benchmarks
	.venv/bin/ruff check --fix src tests benchmarks
