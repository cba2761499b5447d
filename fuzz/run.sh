#!/usr/bin/env bash
# Runs one fuzz target with its seeds, dictionary and limits.
#
# usage: fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]    (from the repository root)
#   TARGET: text_pipeline | pdf_load | pdf_redact | pdf_content | eml_redact | docx_redact |
#   msg_redact;
#   SECONDS defaults to 600.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz use the nightly flags it needs. New corpus entries go to fuzz/corpus/TARGET and
# crashes to fuzz/artifacts/TARGET (both ignored by git); minimise a crash with
# `RUSTC_BOOTSTRAP=1 cargo fuzz tmin TARGET fuzz/artifacts/TARGET/crash-...` and commit it
# under tests/fuzz_regressions/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  text_pipeline) seeds=(fuzz/seeds/text fixtures/demo); dict=fuzz/text.dict; max_len=16384 ;;
  pdf_load | pdf_redact) seeds=(fuzz/seeds/pdf fixtures/pdf); dict=fuzz/pdf.dict; max_len=65536 ;;
  pdf_content) seeds=(fuzz/seeds/content); dict=fuzz/pdf.dict; max_len=16384 ;;
  eml_redact) seeds=(fuzz/seeds/eml); dict=fuzz/text.dict; max_len=32768 ;;
  docx_redact) seeds=(fuzz/seeds/docx); dict=fuzz/text.dict; max_len=65536 ;;
  msg_redact) seeds=(fuzz/seeds/msg); dict=fuzz/text.dict; max_len=65536 ;;
  *) echo "unknown target: $target" >&2; exit 2 ;;
esac
# Each PDF target also starts from what the other one has found.
case "$target" in
  pdf_load) other=fuzz/corpus/pdf_redact ;;
  pdf_redact) other=fuzz/corpus/pdf_load ;;
  *) other= ;;
esac
for dir in "tests/fuzz_regressions/$target" $other; do
  if [ -d "$dir" ]; then seeds+=("$dir"); fi
done
mkdir -p "fuzz/corpus/$target"
export RUSTC_BOOTSTRAP=1
exec cargo fuzz run "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
  -dict="$dict" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1 "$@"
