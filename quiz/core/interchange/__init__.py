"""Bringing questions in from other tools (Moodle GIFT, CSV, Anki) and writing GIFT out.

Every reader turns its input into `Imported` drafts plus notes on what it could not carry;
`yaml_writing` turns drafts into a bank file that `quiz validate` accepts.
"""
