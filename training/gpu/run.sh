#!/usr/bin/env bash
# One GPU training run: install the carried wheels, train configs/claims_cpu.cfg and (where
# all-MiniLM-L6-v2 can be found offline) configs/claims_trf.cfg on PolNeAR train + our corpus's
# train split, score each on PolNeAR dev, and leave results, logs and the CPU model's trained
# components under $OUT. Time-boxed: TOTAL_S seconds in all (installs included).
#
# Prepare here (PolNeAR and the wheels never enter git): bash training/gpu/prepare.sh
# Run there:  bash training/gpu/run.sh   (carry .whl and training/gpu/data)
# Dry run here, on the installed environment:
#   SKIP_INSTALL=1 GPU_ID=-1 MAX_STEPS=3 EVAL_FREQ=3 DATA=/tmp/tiny OUT=/tmp/out bash training/gpu/run.sh
#
# Knobs: GPU_ID (0), TOTAL_S (450), DATA (training/gpu/data: train/*.spacy, dev/polnear.spacy),
# MAX_STEPS (both configs; else MAX_STEPS_CPU 4000, MAX_STEPS_TRF 2000), EVAL_FREQ (200),
# SITE (/tmp/site), SKIP_INSTALL, SKIP_TRF, TRF_MODEL (a local model folder), PY (python3).
set -u
START=$(date +%s)
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PY:-python3}
GPU_ID=${GPU_ID:-0}
TOTAL_S=${TOTAL_S:-450}
DATA=${DATA:-training/gpu/data}
EVAL_FREQ=${EVAL_FREQ:-200}
MAX_STEPS_CPU=${MAX_STEPS:-${MAX_STEPS_CPU:-4000}}
MAX_STEPS_TRF=${MAX_STEPS:-${MAX_STEPS_TRF:-2000}}
SITE=${SITE:-/tmp/site}
OUT=${OUT:-/tmp/out}
MODELS=${MODELS:-/tmp/claimattr-models}
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
mkdir -p "$OUT" "$MODELS"
LOG=$OUT/run.log
exec > >(tee -a "$LOG") 2>&1
elapsed() { echo $(( $(date +%s) - START )); }
left() { echo $(( TOTAL_S - $(date +%s) + START )); }
say() { echo "[run.sh $(elapsed)s] $*"; }

# 1. packages
if [ -z "${SKIP_INSTALL:-}" ]; then
    $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target "$SITE" .whl/*.whl \
        || { say "wheel install failed"; exit 1; }
    export PYTHONPATH=$SITE:$ROOT/src
    $PY training/gpu/gpu_run.py restore-base "$SITE" || exit 1
    if ! $PY -m pip install -q --no-deps --no-index --no-build-isolation --no-compile --upgrade --target "$SITE" . ; then
        say "pip could not build claimattr: entry-point shim over src/ instead"
        $PY training/gpu/gpu_run.py shim "$SITE" || exit 1
    fi
else
    export PYTHONPATH=$ROOT/src${PYTHONPATH:+:$PYTHONPATH}
fi
say "installed"
$PY -m pip list 2>/dev/null | grep -i -E "^(spacy|thinc|transformers|torch|tokenizers|cupy|numpy|pydantic|huggingface)" || true
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv
$PY training/gpu/gpu_run.py check "$GPU_ID" || { say "environment check failed"; exit 1; }

# 2. is there a transformer to train?
TRF=${TRF_MODEL:-}
if [ -z "${SKIP_TRF:-}" ] && [ -z "$TRF" ]; then
    TRF=$($PY training/gpu/gpu_run.py find-minilm 2>/dev/null | tail -1)
fi
if [ -n "${SKIP_TRF:-}" ] || [ -z "$TRF" ] || ! $PY -c "import spacy_transformers" 2>/dev/null; then
    say "no trf run: ${SKIP_TRF:+SKIP_TRF set}${TRF:-no all-MiniLM-L6-v2 weights found offline} (or spacy-transformers unusable)"
    TRF=""
else
    say "trf weights: $TRF"
fi

# 3. time shares: evaluation reserve per model, the rest split between the trainings
EVAL_RESERVE=${EVAL_RESERVE:-70}
N=1; [ -n "$TRF" ] && N=2
TRAIN_LEFT=$(( $(left) - N * EVAL_RESERVE - 10 ))
CPU_S=$(( TRAIN_LEFT / N )); [ -n "$TRF" ] && CPU_S=$(( TRAIN_LEFT * 2 / 5 ))
say "time left $(left)s: cpu training ${CPU_S}s"

train() {  # name config seconds max_steps [overrides...]
    local name=$1 config=$2 seconds=$3 steps=$4; shift 4
    rm -rf "$MODELS/$name"
    timeout --signal=TERM --kill-after=15 $(( seconds + 60 )) \
        $PY training/gpu/gpu_run.py train "$config" "$MODELS/$name" "$seconds" --gpu-id "$GPU_ID" \
        --paths.train "$DATA/train" --paths.dev "$DATA/dev" \
        --training.max_steps "$steps" --training.eval_frequency "$EVAL_FREQ" "$@" \
        > "$OUT/train_$name.log" 2>&1
    local rc=$?
    tail -n 25 "$OUT/train_$name.log"
    say "train $name: exit $rc"
    for m in model-best model-last; do
        if [ -f "$MODELS/$name/$m/meta.json" ]; then BEST=$MODELS/$name/$m; say "$name: using $m"; return 0; fi
    done
    BEST=""; say "$name: no model written"; return 1
}

evaluate() {  # name model [--speed]
    local name=$1 model=$2; shift 2
    timeout --kill-after=10 $(( $(left) > 30 ? $(left) : 30 )) \
        $PY training/gpu/gpu_run.py evaluate "$model" "$DATA/dev/polnear.spacy" "$OUT/results_$name.json" \
        --gpu-id "$GPU_ID" "$@"
    say "evaluate $name: exit $?"
}

# 4. CPU config (on the GPU), scored at once so a later failure leaves its results
if train cpu configs/claims_cpu.cfg "$CPU_S" "$MAX_STEPS_CPU"; then
    $PY training/gpu/gpu_run.py pack "$BEST" "$OUT/claims_cpu_gpu.tar.gz"
    # the rules combined in as well (claimattr.load("trained")), unless the trf run needs the time
    if [ -n "$TRF" ]; then evaluate cpu "$BEST"; else evaluate cpu "$BEST" --combine; fi
fi

# 5. transformer config
if [ -n "$TRF" ]; then
    TRF_S=$(( $(left) - EVAL_RESERVE - 10 ))
    say "time left $(left)s: trf training ${TRF_S}s"
    if [ "$TRF_S" -gt 60 ] && train trf configs/claims_trf.cfg "$TRF_S" "$MAX_STEPS_TRF" --paths.transformer "$TRF"; then
        evaluate trf "$BEST" --speed
    fi
fi
say "done; total $(elapsed)s"
ls -la "$OUT"
