file(REMOVE_RECURSE
  "libscholia_core_tiny.a"
)
