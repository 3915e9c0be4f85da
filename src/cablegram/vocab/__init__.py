"""Controlled vocabularies as data: markings, precedences, captions, orders, TAGS and stations."""
