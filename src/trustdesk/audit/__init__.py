"""Fairness audits: outcome audits over stored conversations, their statistics and findings.

Kept empty on purpose: import from the defining module.
"""
