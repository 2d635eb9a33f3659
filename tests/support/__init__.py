"""Helpers the tests share: fixture sites they write, builds, served copies.

Only tests import these; nothing in the project imports the tests.
"""
