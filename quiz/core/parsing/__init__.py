"""Parsing of typed responses and reference answers: text, names, numbers, quantities and dates."""
