file(REMOVE_RECURSE
  "libscholia_core.a"
)
