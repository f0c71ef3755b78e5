# Split by subject: import from the module that defines a name.
