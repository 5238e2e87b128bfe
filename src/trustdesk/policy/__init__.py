"""The policy file: schema (``schema``), the entity vocabulary (``entities``), loader and version
(``loader``).

Kept empty on purpose: import from the defining module.
"""
