file(REMOVE_RECURSE
  "CMakeFiles/scholia.dir/ui/main.c.o"
  "CMakeFiles/scholia.dir/ui/main.c.o.d"
  "scholia"
  "scholia.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/scholia.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
