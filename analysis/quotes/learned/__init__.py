"""A learned quote-attribution model (CRF over our tokens, trained on PolNeAR train).

:func:`apply_method` turns the rules' quote table into the model's (``model``) or the
combination of both (``combined``); :mod:`.training` builds the model.
"""

from .combine import METHODS, apply_method, learned_attributions
from .tagger import MODEL_NAME, load_tagger, shipped_model_path

__all__ = [
    "METHODS",
    "MODEL_NAME",
    "apply_method",
    "learned_attributions",
    "load_tagger",
    "shipped_model_path",
]
