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

# python_env NAME PACKAGE==VERSION...: a virtual environment with those packages from PyPI;
# sets $python to its interpreter.
python_env() {
  local name=$1
  shift
  # shellcheck disable=SC2016 # $dest is expanded by the inner shell, which install_once runs.
  install_once "$name" bash -c 'python3 -m venv "$dest" \
    && "$dest/bin/python" -m pip install --quiet --disable-pip-version-check "$@"' _ "$@" \
    || return 2
  python=$tools/$name/bin/python
}
