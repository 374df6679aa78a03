# The riveter image: the GitHub Action's container and a GitLab CI job image.
#
# It packages a riveter binary built outside it, so building it needs no Rust toolchain:
#   cargo build --profile dist --locked
#   mkdir -p dist/amd64 && cp target/dist/riveter dist/amd64/
#   docker build -t riveter .
#   docker run --rm -v "$PWD:/src" -w /src riveter scan -p aws-security
# The release workflow puts the static musl binary of each architecture in dist/amd64 and
# dist/arm64 and builds both platforms at once (TARGETARCH is set per platform by BuildKit).
#
# BASE is any Debian-like image; a base that already has git and CA certificates (the test
# suite's, made with debootstrap where no image can be pulled) needs no package download.
ARG BASE=debian:bookworm-slim

FROM ${BASE}
ARG TARGETARCH
# git: the changed-files fallback and --changed-since; ca-certificates: the GitHub API over TLS;
# /bin/sh comes with the base image, which GitLab needs to run job scripts.
# Versions are not pinned so that a rebuild picks up Debian's security updates.
# safe.directory: for git in GitLab job scripts and `riveter scan --changed-since` run as
# another user than the checkout's (docs/gitlab.md). It is the image's own system config,
# written once here; `riveter github` does not rely on it (it trusts the workspace per git
# command with -c) and writes no git config, so nothing lands in the runner's home folder,
# which GitHub mounts into every container step of the job.
# hadolint ignore=DL3008
RUN if ! command -v git >/dev/null || [ ! -s /etc/ssl/certs/ca-certificates.crt ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends git ca-certificates \
        && rm -rf /var/lib/apt/lists/*; \
    fi \
    && git config --system --add safe.directory '*'
COPY dist/${TARGETARCH}/riveter /usr/local/bin/riveter
# No USER and no WORKDIR: GitHub runs Docker actions as root with the workspace as the working
# directory, and GitLab sets the job's own. docs/gitlab.md shows how to run as another user.
ENTRYPOINT ["riveter"]
CMD ["--help"]
