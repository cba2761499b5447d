#!/usr/bin/env bash
# Submits a sharded woo-redact batch to AWS Batch with the job definition in
# job-definition.json (register it first:
#   aws batch register-job-definition --cli-input-json file://job-definition.json).
#
#   QUEUE=woo-queue SHARDS=16 ./submit.sh
#
# Inputs, output folder, lists and key live on the EFS volume the job definition mounts
# (/mnt/efs). Each pass is an array job (AWS_BATCH_JOB_ARRAY_INDEX selects the shard with
# `--shard auto`); a job that depends on an array job starts after all its children
# succeeded. An array needs at least 2 children: with SHARDS=1 the passes run as plain jobs
# with `--shard 0`. Retries: exit 42 (deterministic input error) and 2 (usage) are not
# retried (evaluateOnExit), anything else up to 3 attempts. The merge command overrides the
# definition's retries: its exit 1 means documents failed (see summary.json), not an I/O error.
set -euo pipefail
QUEUE=${QUEUE:?job queue}
DEF=${DEF:-woo-redact}
SHARDS=${SHARDS:-8}
EFS=${EFS:-/mnt/efs}
KEY=$EFS/secrets/audit-key
OUT=$EFS/out

submit() { # name depends-on array-size command-json [extra args...]
  local name=$1 dep=$2 size=$3 command=$4
  shift 4
  local args=(--job-name "woo-$name" --job-queue "$QUEUE" --job-definition "$DEF"
              --container-overrides "{\"command\": $command}")
  [ -n "$dep" ] && args+=(--depends-on "jobId=$dep")
  [ "$size" -gt 1 ] && args+=(--array-properties "size=$size")
  aws batch submit-job "${args[@]}" "$@" --query jobId --output text
}
shard_arg() { if [ "$SHARDS" -gt 1 ]; then echo auto; else echo 0; fi; }

plan=$(submit plan "" 1 "[\"plan\", \"$EFS/in\", \"--out\", \"$OUT\", \"--shards\", \"$SHARDS\",
  \"--staff\", \"$EFS/lists/staff.csv\", \"--public\", \"$EFS/lists/public.lst\",
  \"--keep\", \"$EFS/lists/keep.lst\", \"--audit-key\", \"$KEY\", \"-q\"]")
scan=$(submit scan "$plan" "$SHARDS" \
  "[\"scan\", \"--plan\", \"$OUT\", \"--shard\", \"$(shard_arg)\", \"--audit-key\", \"$KEY\", \"-q\"]")
reduce=$(submit reduce "$scan" 1 "[\"reduce\", \"--plan\", \"$OUT\", \"--audit-key\", \"$KEY\", \"-q\"]")
redact=$(submit redact "$reduce" "$SHARDS" \
  "[\"redact\", \"--plan\", \"$OUT\", \"--shard\", \"$(shard_arg)\", \"--audit-key\", \"$KEY\", \"-q\"]")
merge=$(submit merge "$redact" 1 "[\"merge\", \"--plan\", \"$OUT\", \"--audit-key\", \"$KEY\"]" \
  --retry-strategy '{"attempts": 1}')
echo "submitted: plan $plan, scan $scan, reduce $reduce, redact $redact, merge $merge"
