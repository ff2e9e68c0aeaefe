# Empty dependencies file for scholia_core.
# This may be replaced when dependencies are built.
