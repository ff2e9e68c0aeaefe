file(REMOVE_RECURSE
  "libscholia_ui.a"
)
