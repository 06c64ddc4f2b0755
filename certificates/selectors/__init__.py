"""Reads of the certificates app, one module per audience."""
