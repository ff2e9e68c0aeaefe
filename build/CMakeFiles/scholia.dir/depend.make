# Empty dependencies file for scholia.
# This may be replaced when dependencies are built.
