#!/usr/bin/env bash
# Runs docs/notebooks/quickstart.ipynb headless through dotnet-repl (a real .NET Interactive kernel, the local
# tool of .config/dotnet-tools.json) against the packed Ltv.Core packages of exactly VERSION, found in the
# absolute folder PACKAGES_DIR. dotnet-repl exits non-zero on a failing cell but prints nothing, so this script
# reads the executed notebook and prints every error; it also fails when a code cell produced no output.
# The executed notebook is kept in artifacts/notebooks/.
#
# Usage: bash .ci/notebook.sh VERSION PACKAGES_DIR
#   e.g. dotnet pack Ltv.Core.sln -c Release -o "$PWD/artifacts/packages" -p:Version=0.1.0-nb.1
#        bash .ci/notebook.sh 0.1.0-nb.1 "$PWD/artifacts/packages"
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: bash .ci/notebook.sh VERSION PACKAGES_DIR (an absolute folder holding the packed .nupkg files)" >&2
  exit 2
fi
version=$1
packages=$2
case "$packages" in
  /*) ;;
  *) echo "PACKAGES_DIR must be an absolute path (was '$packages')" >&2; exit 2 ;;
esac
for id in Ltv.Core Ltv.Core.Datasets Ltv.Core.Plotting; do
  [ -f "$packages/$id.$version.nupkg" ] || { echo "missing $packages/$id.$version.nupkg: pack with -p:Version=$version first" >&2; exit 2; }
done

cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The package version is unique per run, so the shared global packages folder cannot serve a stale copy
# (a private NUGET_PACKAGES would download ScottPlot, which Ltv.Core.Plotting draws with, and its native assets again on every run).
export RestoreAdditionalProjectSources="$packages"
# dotnet-repl writes to $HOME; use a private one when it is not writable.
if [ -z "${HOME:-}" ] || [ ! -w "$HOME" ]; then
  export HOME="$PWD/artifacts/notebooks/home"
  mkdir -p "$HOME"
fi

out_dir="$PWD/artifacts/notebooks"
mkdir -p "$out_dir"
source_nb=docs/notebooks/quickstart.ipynb
copy="$out_dir/quickstart.$version.input.ipynb"
out="$out_dir/quickstart.$version.ipynb"
rm -f "$copy" "$out"

# The copy references the packed version instead of the release version; every #r line must have been rewritten.
python3 - "$source_nb" "$copy" "$version" <<'PY'
import json, re, sys
src, dst, version = sys.argv[1:4]
nb = json.load(open(src, encoding="utf-8"))
pattern = re.compile(r'^(#r\s+"nuget:\s*(Ltv\.Core|Ltv\.Core\.Datasets|Ltv\.Core\.Plotting)\s*,\s*)[^"]+(")', re.M)
replaced = 0
for cell in nb["cells"]:
    if cell["cell_type"] != "code":
        continue
    text = "".join(cell["source"])
    text, n = pattern.subn(lambda m: m.group(1) + version + m.group(3), text)
    replaced += n
    cell["source"] = text.splitlines(keepends=True)
if replaced != 3:
    sys.exit(f"expected 3 '#r \"nuget: Ltv.Core...\"' lines (Ltv.Core, Ltv.Core.Datasets, Ltv.Core.Plotting) in {src}, found {replaced}")
json.dump(nb, open(dst, "w", encoding="utf-8"), indent=1, ensure_ascii=False)
PY

dotnet tool restore >/dev/null
start=$(date +%s)
set +e
dotnet tool run dotnet-repl -- --run "$copy" --exit-after-run --output-path "$out" </dev/null
status=$?
set -e
seconds=$(( $(date +%s) - start ))

if [ ! -f "$out" ]; then
  echo "notebook: dotnet-repl exited $status and wrote no output notebook" >&2
  exit 1
fi

python3 - "$out" "$status" "$seconds" <<'PY'
import json, re, sys
path, status, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3]
nb = json.load(open(path, encoding="utf-8"))
problems, code_cells, images = [], 0, 0
for index, cell in enumerate(nb["cells"], start=1):
    if cell["cell_type"] != "code":
        continue
    code_cells += 1
    first_line = "".join(cell["source"]).strip().splitlines()[0] if "".join(cell["source"]).strip() else "(empty)"
    outputs = cell.get("outputs", [])
    for output in outputs:
        if output.get("output_type") == "error":
            problems.append(f"cell {index} ({first_line}): {output.get('ename', 'error')}: {output.get('evalue', '')}")
        for mime, data in output.get("data", {}).items():
            text = "".join(data) if isinstance(data, list) else str(data)
            images += len(re.findall(r"<img src='data:image/png;base64,", text)) if mime == "text/html" else 0
            images += 1 if mime == "image/png" else 0
    # Every code cell of the quickstart shows something (a table, text or a plot): no output means it did not run.
    if not outputs:
        problems.append(f"cell {index} ({first_line}): no output")
if problems or status != 0:
    print(f"notebook FAILED (dotnet-repl exit code {status}): {path}", file=sys.stderr)
    for p in problems:
        print("  " + p, file=sys.stderr)
    sys.exit(1)
print(f"notebook ok: {code_cells} code cells ran, {images} images, in {seconds} s ({path})")
PY
