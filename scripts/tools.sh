# Sourced by the scripts that install their tools from the registries (the report validators,
# the unused-dependency check): where those tools are kept, and how each is installed once.
# Every tool has a folder named after its pinned version under
# ${RIVETER_TOOLS:-$HOME/.cache/riveter-tools}, so that folder can be cached between CI runs,
# and a new pin installs beside the old one rather than over it.

tools=${RIVETER_TOOLS:-$HOME/.cache/riveter-tools}

# install_once NAME COMMAND...: unless $tools/NAME is complete, runs COMMAND with $dest set to
# that (emptied) folder. The folder counts as complete only once the command has succeeded, and
# a lock keeps two checks started at once (a developer's and a fresh clone's) from installing
# into the same folder.
install_once() {
  local name=$1 lock
  shift
  mkdir -p "$tools"
  dest=$tools/$name
  [ -e "$dest/.installed" ] && return 0
  exec {lock}>"$tools/.$name.lock"
  flock "$lock"
  if [ ! -e "$dest/.installed" ]; then
    rm -rf "$dest"
    mkdir -p "$dest"
    if ! dest=$dest "$@" >"$dest.log" 2>&1; then
      echo "could not install $name; the installer said:" >&2
      tail -n 30 "$dest.log" >&2
      flock -u "$lock"
      return 2
    fi
    rm -f "$dest.log"
    touch "$dest/.installed"
  fi
  flock -u "$lock"
}

# find_python CANDIDATE...: sets $base_python to the first command among CANDIDATE... that
# runs Python 3.12 or newer, else to the newest pyenv version that does; returns 1 when there is
# none. pyenv's shims answer for versions that are installed but not selected and then fail, so
# each candidate is asked to run, not just looked up.
find_python() {
  local candidate
  base_python=
  for candidate in "$@"; do
    if command -v "$candidate" >/dev/null && is_python_312 "$candidate"; then
      base_python=$(command -v "$candidate")
      return 0
    fi
  done
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python; do
    if [ -x "$candidate" ] && is_python_312 "$candidate"; then
      base_python=$candidate
    fi
  done
  [ -n "$base_python" ]
}

is_python_312() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

# python_env NAME PACKAGE==VERSION...: a virtual environment with those packages from PyPI,
# made with $base_python (find_python) or else python3; sets $python to its interpreter.
python_env() {
  local name=$1
  shift
  # shellcheck disable=SC2016 # $dest is expanded by the inner shell, which install_once runs.
  install_once "$name" bash -c '"$0" -m venv "$dest" \
    && "$dest/bin/python" -m pip install --quiet --disable-pip-version-check "$@"' \
    "${base_python:-python3}" "$@" \
    || return 2
  python=$tools/$name/bin/python
}
