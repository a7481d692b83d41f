"""Timeline: which city fell when, according to whom."""

__version__ = "0.1.0"
