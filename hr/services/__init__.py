"""Every HR write that matters, one module per subject.

Import a name from the module that defines it.
"""
