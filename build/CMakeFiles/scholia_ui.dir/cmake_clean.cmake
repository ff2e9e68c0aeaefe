file(REMOVE_RECURSE
  "CMakeFiles/scholia_ui.dir/ui/term.c.o"
  "CMakeFiles/scholia_ui.dir/ui/term.c.o.d"
  "libscholia_ui.a"
  "libscholia_ui.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/scholia_ui.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
