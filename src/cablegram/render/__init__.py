"""Rendering records: the text summary for people, and the telegram text of each era."""

from .eras import STYLES, render
from .text import summary

__all__ = ["summary", "render", "STYLES"]
