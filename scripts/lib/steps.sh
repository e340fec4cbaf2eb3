# Shared by release-check.sh and check-new-adapter.sh (sourced, not run):
# timed steps with a one-line summary each, and the working-tree copy both
# scripts check instead of the real tree.

steps_started=$(date +%s)
summary=()
notes=()
failures=0

# run_step <label> <dir> <command...>: runs the command in <dir> and
# records ok/FAIL with its duration; returns the command's status.
run_step() {
  local label=$1 dir=$2
  shift 2
  local t0 status line
  t0=$(date +%s)
  echo
  echo "::: ${label}: $*"
  (cd "$dir" && "$@")
  status=$?
  line=$(printf '%-44s %4ss' "$label" "$(($(date +%s) - t0))")
  if [ "$status" = 0 ]; then
    summary+=("ok    $line")
  else
    summary+=("FAIL  $line  (exit $status)")
    failures=$((failures + 1))
  fi
  return "$status"
}

# finish_steps <title>: prints the summary (then `notes`, if any) and exits,
# non-zero when a step failed.
finish_steps() {
  echo
  echo "=== $1 ($(($(date +%s) - steps_started))s)"
  printf '%s\n' "${summary[@]}"
  [ ${#notes[@]} -gt 0 ] && printf '%s\n' "" "${notes[@]}"
  if [ "$failures" = 0 ]; then
    echo "all ${#summary[@]} steps passed"
  else
    echo "${failures} of ${#summary[@]} steps failed"
  fi
  [ "$failures" = 0 ]
  exit $?
}

# copy_tree <destination>: this working tree (tracked and untracked files)
# without .git, node_modules, dist, .turbo or anything .gitignore'd.
copy_tree() {
  mkdir -p "$1" &&
    rsync -a --exclude .git --exclude node_modules --exclude dist \
      --exclude .turbo --filter=':- .gitignore' "$repo/" "$1/"
}
