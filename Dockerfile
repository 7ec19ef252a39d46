# babelwire worker image: `docker build -t babelwire .` (BuildKit: Docker 23+, or DOCKER_BUILDKIT=1).
#
# Build arguments:
#   BASE_IMAGE       an image with Python 3.11 (python3 + venv); default the official slim image.
#                    Pin it by digest for reproducible builds: python:3.11-slim-bookworm@sha256:...
#   TORCH_INDEX_URL  where torch comes from; default the PyTorch CPU index (a few hundred MB instead of the
#                    multi-GB CUDA build PyPI serves). CUDA: https://download.pytorch.org/whl/cu124
#   TORCH_VERSION    exact torch release (a local label such as 2.13.0+cpu is allowed).
#   TORCH_SOURCE     "index" (default): torch from TORCH_INDEX_URL. "wheels": torch from the wheels/
#                    directory of the build context (offline or air-gapped builds; the other packages
#                    still come from PyPI).
#   EXTRAS           the project's extras to install as well, space-separated; "gpu" (the CUDA 12 libraries
#                    CTranslate2 runs float16 with on a GPU) for the CUDA build.
# A constraints.txt at the root of the build context (e.g. `pip freeze` of a tested image), when present,
# pins every transitive dependency.
#   MODELS           languages whose models are baked in, e.g. "uk de" (runs `babelwire models pull`).
#                    Empty by default: models are then fetched on first use into the HF cache volume,
#                    or mounted (BABELWIRE_MODELS=uk=/models/uk).
#
# Secret (optional, never stored in a layer): a CA bundle for pip and the Hugging Face hub behind a
# TLS-inspecting proxy:  --secret id=ca_bundle,src=/etc/ssl/certs/ca-certificates.crt

ARG BASE_IMAGE=python:3.11-slim-bookworm

# --- build: a virtual environment in /opt/babelwire, copied whole into the runtime stage ----------------
FROM ${BASE_IMAGE} AS build
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python3 -m venv /opt/babelwire
WORKDIR /src

# torch first, in a layer of its own: the largest download, and the one that changes least.
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG TORCH_VERSION=2.13.0
ARG TORCH_SOURCE=index
COPY wheel[s] /wheels/
RUN --mount=type=secret,id=ca_bundle \
    if [ -s /run/secrets/ca_bundle ]; then export PIP_CERT=/run/secrets/ca_bundle; fi; \
    case "$TORCH_SOURCE" in \
        index) set -- --index-url "$TORCH_INDEX_URL" ;; \
        wheels) set -- --find-links /wheels ;; \
        *) echo "TORCH_SOURCE must be index or wheels, not '$TORCH_SOURCE'" >&2; exit 2 ;; \
    esac; \
    /opt/babelwire/bin/pip install "$@" "torch==$TORCH_VERSION"

# The project's dependencies, read from pyproject.toml: this layer is rebuilt only when they change.
# torch is already there and satisfies them, so the chosen build (CPU, CUDA) stays.
# EXTRAS (comma-separated) adds optional extras: EXTRAS=names declines people's names in Ukrainian copies, and
# puts GPLv3 dictionary data in the image (README, "Design": pymorphy3).
ARG EXTRAS=""
COPY pyproject.toml constraints.tx[t] ./
RUN --mount=type=secret,id=ca_bundle \
    if [ -s /run/secrets/ca_bundle ]; then export PIP_CERT=/run/secrets/ca_bundle; fi; \
    if [ -f constraints.txt ]; then export PIP_CONSTRAINT=/src/constraints.txt; fi; \
    /opt/babelwire/bin/python -c 'import os, tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; extras = [e for e in os.environ.get("EXTRAS", "").split(",") if e]; print("\n".join(p["dependencies"] + [d for e in extras for d in p["optional-dependencies"][e]]))' > requirements.txt; \
    /opt/babelwire/bin/pip install -r requirements.txt

# The project itself (only its build backend, setuptools, is fetched).
COPY README.md ./
COPY translation ./translation
COPY queues ./queues
COPY worker ./worker
RUN --mount=type=secret,id=ca_bundle \
    if [ -s /run/secrets/ca_bundle ]; then export PIP_CERT=/run/secrets/ca_bundle; fi; \
    /opt/babelwire/bin/pip install --no-deps . \
    && rm -rf /src/build

# --- runtime: the base image, the virtual environment, a non-root user -----------------------------------
FROM ${BASE_IMAGE} AS runtime
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]
LABEL org.opencontainers.image.title="babelwire" \
      org.opencontainers.image.description="News-wire translation worker: English wire items in, localised copies out" \
      org.opencontainers.image.licenses="Apache-2.0"

RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/babelwire --shell /usr/sbin/nologin babelwire \
    && install -d -o babelwire -g babelwire /var/lib/babelwire /var/cache/babelwire/huggingface

COPY --from=build /opt/babelwire /opt/babelwire

# MALLOC_ARENA_MAX=2: glibc's per-thread malloc arenas held most of a worker's growth (worker/arenas.py).
# MKL_DISABLE_FAST_MM=1: on Intel CPUs MKL's per-thread buffer pools held about 100 MB more
# (translation/engines/mkl_memory.py). The process sets both itself; here they are visible to an operator.
ENV PATH=/opt/babelwire/bin:$PATH \
    MALLOC_ARENA_MAX=2 \
    MKL_DISABLE_FAST_MM=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HF_HOME=/var/cache/babelwire/huggingface \
    BABELWIRE_STATE_DIR=/var/lib/babelwire \
    BABELWIRE_HTTP_PORT=8080 \
    BABELWIRE_LOG_FORMAT=json

# Numeric, so that `runAsNonRoot` policies can verify it without reading /etc/passwd.
USER 10001:10001
WORKDIR /var/lib/babelwire

# Models baked in at build time land in the HF cache; a named volume mounted there is seeded from them.
ARG MODELS=
# MODELS is a space-separated list of languages: word splitting is wanted here.
# hadolint ignore=SC2086
RUN --mount=type=secret,id=ca_bundle,uid=10001 \
    if [ -s /run/secrets/ca_bundle ]; then export REQUESTS_CA_BUNDLE=/run/secrets/ca_bundle SSL_CERT_FILE=/run/secrets/ca_bundle; fi; \
    if [ -n "$MODELS" ]; then babelwire models pull $MODELS; fi

EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["/opt/babelwire/bin/python", "-m", "babelwire.worker.health", "/healthz"]
ENTRYPOINT ["babelwire"]
CMD ["worker"]
