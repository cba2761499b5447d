#!/usr/bin/env bash
# Submits a sharded woo-redact batch to Slurm: plan, a scan array, reduce, a redact array and
# merge, each step `--dependency=afterok` on the one before, so a failed step stops the rest.
#
#   SHARDS=16 PARALLEL=4 ./submit.sh /shared/in /shared/out /shared/lists /shared/audit-key
#
# Inputs, output folder, lists and key must be on a file system every node sees at the same
# path; keep the key readable by you only (chmod 600). Array tasks are numbered 0..SHARDS-1;
# `--shard auto` reads SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN, so `--array=1-N`
# works as well. Slurm does not retry by itself: a task that failed with exit 1 (I/O) can be
# run again with `sbatch --array=<its index> …` or `scontrol requeue <job>_<index>`; exit 42
# (deterministic input error) or 2 (usage) will fail the same way again.
set -euo pipefail
IN=${1:?input folder}
OUT=${2:?output folder}
LISTS=${3:?folder with staff.csv, public.lst, keep.lst}
KEY=${4:?audit key file}
SHARDS=${SHARDS:-8}
PARALLEL=${PARALLEL:-4}
BIN=${WOO_REDACT:-woo-redact}
CPUS=${CPUS:-2}
# Extra sbatch options (partition, account, time limit), e.g. SBATCH_OPTS="-p batch -t 4:00:00".
read -r -a OPTS <<< "${SBATCH_OPTS:-}"
LOGS=${LOGS:-$OUT.logs}
mkdir -p "$LOGS"

submit() { # name dependency array command...
  local name=$1 dep=$2 array=$3
  shift 3
  local log="$LOGS/$name-%j.log"
  [ -n "$array" ] && log="$LOGS/$name-%A_%a.log"
  sbatch --parsable "${OPTS[@]}" --job-name="woo-$name" --cpus-per-task="$CPUS" \
    --output="$log" ${dep:+--dependency=afterok:$dep} \
    ${array:+--array=$array} --wrap "$(printf '%q ' "$@")"
}

plan=$(submit plan "" "" "$BIN" plan "$IN" --out "$OUT" --shards "$SHARDS" \
  --staff "$LISTS/staff.csv" --public "$LISTS/public.lst" --keep "$LISTS/keep.lst" \
  --audit-key "$KEY" -q)
scan=$(submit scan "$plan" "0-$((SHARDS - 1))%$PARALLEL" \
  "$BIN" scan --plan "$OUT" --shard auto --audit-key "$KEY" -j "$CPUS" -q)
reduce=$(submit reduce "$scan" "" "$BIN" reduce --plan "$OUT" --audit-key "$KEY" -q)
redact=$(submit redact "$reduce" "0-$((SHARDS - 1))%$PARALLEL" \
  "$BIN" redact --plan "$OUT" --shard auto --audit-key "$KEY" -j "$CPUS" -q)
merge=$(submit merge "$redact" "" "$BIN" merge --plan "$OUT" --audit-key "$KEY")
echo "submitted: plan $plan, scan $scan, reduce $reduce, redact $redact, merge $merge"
echo "$merge" > "$LOGS/merge.jobid"
echo "follow with: squeue -u ${USER:-$(id -un)}; results in $OUT, logs in $LOGS"
