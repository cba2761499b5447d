#!/usr/bin/env bash
# Submits a sharded woo-redact batch to AWS Batch with the job definition in
# job-definition.json (register it first:
#   aws batch register-job-definition --cli-input-json file://job-definition.json).
#
#   QUEUE=woo-queue SHARDS=16 IN=s3://woo-in/release OUT=s3://woo-out/release \
#     LISTS=s3://woo-config ./submit.sh
#
# Inputs, lists and the plan folder are in S3 (no shared file system): the job role
# (jobRoleArn) must be allowed to list and read IN and LISTS, and to read, write and delete
# under OUT; credentials and region come from the role and AWS_REGION. The audit key comes
# from Secrets Manager as WOO_REDACT_AUDIT_KEY (the definition's `secrets`), the same for
# every task. Each task works in a scratch folder under TMPDIR. Each pass is an array job
# (AWS_BATCH_JOB_ARRAY_INDEX selects the shard with `--shard auto`); a job that depends on an
# array job starts after all its children succeeded. An array needs at least 2 children:
# with SHARDS=1 the passes run as plain jobs with `--shard 0`. Retries: exit 42
# (deterministic input error) is not retried (evaluateOnExit); anything else, including 2
# (an object store not reachable), up to 3 attempts. The merge command overrides the
# definition's retries: its exit 1 means documents failed (see summary.json), not an I/O
# error.
set -euo pipefail
QUEUE=${QUEUE:?job queue}
DEF=${DEF:-woo-redact}
SHARDS=${SHARDS:-8}
IN=${IN:?s3:// prefix of the inputs}
OUT=${OUT:?s3:// prefix for the outputs and the plan}
LISTS=${LISTS:?s3:// prefix of staff.csv, public.lst and keep.lst}

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

plan=$(submit plan "" 1 "[\"plan\", \"$IN\", \"--out\", \"$OUT\", \"--shards\", \"$SHARDS\",
  \"--staff\", \"$LISTS/staff.csv\", \"--public\", \"$LISTS/public.lst\",
  \"--keep\", \"$LISTS/keep.lst\", \"-q\"]")
scan=$(submit scan "$plan" "$SHARDS" \
  "[\"scan\", \"--plan\", \"$OUT\", \"--shard\", \"$(shard_arg)\", \"-q\"]")
reduce=$(submit reduce "$scan" 1 "[\"reduce\", \"--plan\", \"$OUT\", \"-q\"]")
redact=$(submit redact "$reduce" "$SHARDS" \
  "[\"redact\", \"--plan\", \"$OUT\", \"--shard\", \"$(shard_arg)\", \"-q\"]")
merge=$(submit merge "$redact" 1 "[\"merge\", \"--plan\", \"$OUT\"]" \
  --retry-strategy '{"attempts": 1}')
echo "submitted: plan $plan, scan $scan, reduce $reduce, redact $redact, merge $merge"
