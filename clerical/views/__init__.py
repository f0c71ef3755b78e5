"""Clerical, one module per subject; callers import from the module that defines a name."""
