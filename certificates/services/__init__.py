"""Writes of the certificates app: issuing, revoking, renewing and storing PDFs."""
