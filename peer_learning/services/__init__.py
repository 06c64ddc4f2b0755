"""Writes of the peer_learning app."""
