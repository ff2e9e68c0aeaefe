# Empty compiler generated dependencies file for scholia_ui.
# This may be replaced when dependencies are built.
