#!/bin/bash
# Two Fronts on a Slurm cluster: one array task per shard, each on one node's
# cores, each resumable (a requeued or restarted task carries on where it
# stopped). Submit from the project folder:
#   sbatch docs/cluster/slurm-array.sh experiments/regime-sweep.yaml
# then, when every task has finished:
#   sbatch --dependency=afterok:<jobid> --wrap "npx two-fronts merge out/regime-sweep-shards/shard-* --out out/regime-sweep-shards/all"
#SBATCH --job-name=two-fronts
#SBATCH --array=1-16
#SBATCH --cpus-per-task=8
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --requeue
#SBATCH --output=logs/%x-%A_%a.out
set -euo pipefail

EXPERIMENT=${1:?give the experiment file}
NAME=$(basename "$EXPERIMENT" .yaml)
# Shards are numbered 1..N; N is the size of the array.
N=$(( SLURM_ARRAY_TASK_MAX - SLURM_ARRAY_TASK_MIN + 1 ))
K=$(( SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 ))

mkdir -p logs "out/$NAME-shards"
# --resume starts the shard when its folder is new and finishes it when a
# previous attempt was killed (time limit, preemption, node failure).
npx two-fronts batch "$EXPERIMENT" \
  --out "out/$NAME-shards/shard-$K" \
  --shard "$K/$N" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --resume
