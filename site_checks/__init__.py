"""Checks on the built site, shared by the test suite and `invoke audit`."""
