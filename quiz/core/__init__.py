"""The domain core: the question format, loading, validation, grading and scheduling.

Plain Python only: nothing here imports Flask, WTForms or SQLAlchemy, and nothing reads
the clock or the environment by itself (callers pass them in).
"""
