"""Trained artefacts shipped with storytrace (loaded with ``importlib.resources``).

* ``attribution.npz`` — the attribution model of
  :mod:`storytrace.extract.attribution_model`, trained on the PolNeAR training
  split by ``train/train_attribution_model.py`` (see ``train/README.md``).
* ``story_idf.npz`` — the document-frequency prior of story clustering
  (:mod:`storytrace.link.story_prior`), counted over ``neus_train`` by
  ``train/build_story_idf.py``: hashes of terms and their counts, no text.
"""

__all__: list[str] = []
