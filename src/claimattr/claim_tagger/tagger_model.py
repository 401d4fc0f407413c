"""The thinc architecture of ``claim_tagger``: ``claimattr.ClaimTagger.v1``."""
from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import LSTM, Maxout, Model, Softmax_v2, chain, with_array, with_padded, zero_init
from thinc.types import Floats2d

DEFAULT_TOK2VEC = """
[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""
"""The stand-alone tok2vec of a trainable claim component built without a config (the shipped
configs share ``claim_tok2vec`` through listeners instead)."""

DEFAULT_TAGGER_MODEL = """
[model]
@architectures = "claimattr.ClaimTagger.v1"
hidden_width = 0
""" + DEFAULT_TOK2VEC


@registry.architectures("claimattr.ClaimTagger.v1")
def build_claim_tagger(
    tok2vec: Model[List[Doc], List[Floats2d]],
    hidden_width: int = 0,
    lstm_width: int = 0,
    lstm_depth: int = 1,
    nO: Optional[int] = None,
) -> Model[List[Doc], List[Floats2d]]:
    """Token vectors -> (optional BiLSTM) -> (optional Maxout layer) -> softmax over BIO labels.

    A window CNN sees a few tokens either side, but where a content starts often depends on a
    cue 20 tokens later ("X was headed to the hospital, aides said"); the BiLSTM (``lstm_width``
    > 0, the output width of both directions together) carries that sentence-wide context. The
    hidden layer lets a shared tok2vec specialise for the tagger without widening it.
    """
    width = tok2vec.get_dim("nO") if tok2vec.has_dim("nO") is True else None
    layers: List[Model] = []
    if lstm_width:
        layers.append(with_padded(LSTM(nO=lstm_width, nI=width, bi=True, depth=lstm_depth)))
        width = lstm_width
    if hidden_width:
        layers.append(with_array(Maxout(hidden_width, width, nP=2, normalize=True)))
        width = hidden_width
    output = Softmax_v2(nO, width, init_W=zero_init)
    model = chain(tok2vec, *layers, with_array(output))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output)
    return model
