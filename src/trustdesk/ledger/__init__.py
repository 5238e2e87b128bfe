"""The decision ledger: hash-chained entries, signed checkpoints, verification."""
