"""Linking across articles: entities, near-copies, stories, quote groups,
provenance (who cites whom) and conflicting facts."""
