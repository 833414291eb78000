"""Trained artefacts shipped with storytrace (loaded with ``importlib.resources``).

* ``attribution.npz`` — the attribution model of
  :mod:`storytrace.extract.attribution_model`, trained on the PolNeAR training
  split by ``train/train_attribution_model.py`` (see ``train/README.md``).
"""

__all__: list[str] = []
