# Empty dependencies file for scholia_core_tiny.
# This may be replaced when dependencies are built.
