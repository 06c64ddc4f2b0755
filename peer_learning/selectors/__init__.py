"""Reads of the peer_learning app."""
