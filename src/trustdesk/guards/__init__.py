"""Guards: small checks built once from the policy, run as a pipeline around every turn."""
