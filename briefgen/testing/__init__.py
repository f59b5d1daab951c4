"""Helpers for tests and benchmarks (building small Argos packages offline)."""
