"""Evaluation on annotated datasets in ../shared/data: loaders and scorers."""
