#!/usr/bin/env bash
# Runs a sharded woo-redact batch as five Kubernetes Jobs, each after the one before.
# Environment: SHARDS (default 8), PARALLELISM (default 4), IMAGE, NAMESPACE (optional),
# PREFIX (Job name prefix, default woo-redact), and the lists under /data/lists on the volume.
set -euo pipefail
cd "$(dirname "$0")"
SHARDS=${SHARDS:-8}
PARALLELISM=${PARALLELISM:-4}
IMAGE=${IMAGE:?set IMAGE to the woo-redact container image}
PREFIX=${PREFIX:-woo-redact}
KUBECTL=(kubectl ${NAMESPACE:+--namespace "$NAMESPACE"})
KEY='"--audit-key", "/secrets/audit-key"'
PLAN='"--plan", "/data/out"'

render() { # template name args fail-codes
  sed -e "s|@NAME@|$2|" -e "s|@SHARDS@|$SHARDS|" -e "s|@PARALLELISM@|$PARALLELISM|" \
      -e "s|@IMAGE@|$IMAGE|" -e "s|@ARGS@|$3|" -e "s|@FAIL_CODES@|${4:-2, 42}|" "$1"
}
step() { # template name args [fail-codes]
  render "$@" | "${KUBECTL[@]}" apply -f -
  # Wait until the Job is Complete or Failed (a failed Job never completes).
  local conditions=""
  until [[ $conditions == *Complete* || $conditions == *Failed* ]]; do
    sleep 10
    conditions=$("${KUBECTL[@]}" get "job/$2" -o jsonpath='{.status.conditions[?(@.status=="True")].type}')
  done
  if [[ $conditions != *Complete* ]]; then
    echo "run.sh: job/$2 failed; see: kubectl logs -l job-name=$2" >&2
    exit 1
  fi
}

step single-job.yaml.in "$PREFIX-plan" \
  "\"plan\", \"/data/in\", \"--out\", \"/data/out\", \"--shards\", \"$SHARDS\", \"--staff\", \"/data/lists/staff.csv\", \"--public\", \"/data/lists/public.lst\", \"--keep\", \"/data/lists/keep.lst\", $KEY"
step indexed-job.yaml.in "$PREFIX-scan" "\"scan\", $PLAN, \"--shard\", \"auto\", $KEY"
step single-job.yaml.in "$PREFIX-reduce" "\"reduce\", $PLAN, $KEY, \"-q\""
STATE=$("${KUBECTL[@]}" logs "job/$PREFIX-reduce" | tail -n 1)
step indexed-job.yaml.in "$PREFIX-redact" \
  "\"redact\", $PLAN, \"--shard\", \"auto\", \"--state-digest\", \"$STATE\", $KEY"
# merge exits 1 when documents failed or were skipped (listed in summary.json), as redact
# does: that is a result, not retried.
step single-job.yaml.in "$PREFIX-merge" "\"merge\", $PLAN, $KEY" "1, 2, 42"
echo "run.sh: done; results in /data/out on the woo-data volume (state $STATE)"
