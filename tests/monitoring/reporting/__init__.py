"""Tests of the libraries' monthly reports (monitoring.reporting)."""
