# One image for every process: `docker run IMAGE projects|funds|employment|gateway` serves one (several uvicorn
# workers, graceful shutdown on SIGTERM: devtools/serve.py); `docker run IMAGE migrate` migrates every database.
# Validated without a container engine by `make deploy-check` (hadolint); see README "Deploy".
ARG PYTHON_IMAGE=python:3.11-slim-bookworm
ARG NODE_IMAGE=node:20-bookworm-slim

# Browser assets the processes serve themselves (Swagger UI, GraphiQL): no CDN at run time.
FROM ${NODE_IMAGE} AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund --omit=dev

# Python dependencies in a virtualenv: the runtime ones of pyproject.toml, each at the version requirements.lock
# pins; the build fails if anything installed is not pinned there (the lock also holds the test tools).
FROM ${PYTHON_IMAGE} AS python
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml requirements.lock ./
RUN python -m venv /opt/venv \
 && python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
      > runtime.txt \
 && /opt/venv/bin/pip install --no-compile -r runtime.txt -c requirements.lock \
 && if /opt/venv/bin/pip freeze | grep -vxFf requirements.lock; then echo "not pinned in requirements.lock"; exit 1; fi

# The image: slim Python, no compilers or package caches, the code read-only to a non-root user.
FROM ${PYTHON_IMAGE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PROJECTS_HOST=0.0.0.0 \
    FUNDS_HOST=0.0.0.0 \
    EMPLOYMENT_HOST=0.0.0.0 \
    GATEWAY_HOST=0.0.0.0
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=python /opt/venv /opt/venv
COPY --from=assets /src/node_modules ./node_modules
# .dockerignore lets only the code through (services, gateway, contracts, devtools), never tests or var/.
COPY . .
USER 10001:10001
EXPOSE 8000 8001 8002 8003
STOPSIGNAL SIGTERM
ENTRYPOINT ["python", "-m", "devtools.serve"]
CMD ["gateway"]
