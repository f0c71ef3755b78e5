"""HR reads, filtered to what the user may see; one module per subject.

Import a name from the module that defines it.
"""
