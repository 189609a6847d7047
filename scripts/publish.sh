#!/usr/bin/env bash
# Builds kinetics-prep for machines without .NET: one self-contained, trimmed executable per runtime identifier,
#   dist/<RID>/kinetics-prep and dist/kinetics-prep-<version>-<RID>.tar.gz,
# a Python wheel per runtime carrying that executable as its script (scripts/make_wheel.py, standard library only),
#   dist/kinetics_prep-<version>-py3-none-<platform>.whl:  pip install dist/kinetics_prep-…whl
# and a .NET tool package, dist/kinetics-prep.<version>.nupkg (needs a .NET runtime where it is installed):
#   dotnet tool install --global kinetics-prep --add-source dist
# Usage: scripts/publish.sh [RID ...]   (default linux-x64; "all" = linux-x64 linux-arm64 osx-arm64)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64)
[ "${rids[*]}" != "all" ] || rids=(linux-x64 linux-arm64 osx-arm64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
mkdir -p dist
# Built from a copy of the sources, so this never disturbs the launcher's or the tests' builds (bin/, obj/).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r src global.json Directory.Build.props Directory.Packages.props .editorconfig "$work/"
find "$work/src" -depth \( -name bin -o -name obj \) -type d -exec rm -rf {} +
project=$work/src/KineticsPrep.Cli/KineticsPrep.Cli.csproj

for rid in "${rids[@]}"; do
  echo "publish: $rid" >&2
  rm -rf "dist/$rid"
  dotnet publish "$project" -c Release -r "$rid" --self-contained --nologo -v quiet \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:EnableCompressionInSingleFile=true \
    -p:PublishTrimmed=true -p:DebugType=none -o "dist/$rid" >&2
  tar -czf "dist/kinetics-prep-$version-$rid.tar.gz" -C "dist/$rid" kinetics-prep
  python3 scripts/make_wheel.py "dist/$rid/kinetics-prep" "$version" "$rid" dist >&2
  echo "dist/$rid/kinetics-prep: $(du -h "dist/$rid/kinetics-prep" | cut -f1)" >&2
done

echo "pack: .NET tool" >&2
dotnet pack "$project" -c Release --nologo -v quiet -p:PackAsTool=true -o dist >&2
ls -la dist
