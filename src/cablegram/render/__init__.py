"""Rendering records for people: the text summary (and, later, telegram text of each era)."""

from .text import summary

__all__ = ["summary"]
