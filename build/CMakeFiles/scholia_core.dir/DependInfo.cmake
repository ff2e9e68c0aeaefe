
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/buf.c" "CMakeFiles/scholia_core.dir/src/buf.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/buf.c.o.d"
  "/work/main/src/doc.c" "CMakeFiles/scholia_core.dir/src/doc.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/doc.c.o.d"
  "/work/main/src/encoding.c" "CMakeFiles/scholia_core.dir/src/encoding.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/encoding.c.o.d"
  "/work/main/src/export.c" "CMakeFiles/scholia_core.dir/src/export.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/export.c.o.d"
  "/work/main/src/heal.c" "CMakeFiles/scholia_core.dir/src/heal.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/heal.c.o.d"
  "/work/main/src/keywords.c" "CMakeFiles/scholia_core.dir/src/keywords.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/keywords.c.o.d"
  "/work/main/src/layout.c" "CMakeFiles/scholia_core.dir/src/layout.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/layout.c.o.d"
  "/work/main/src/load.c" "CMakeFiles/scholia_core.dir/src/load.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/load.c.o.d"
  "/work/main/src/log.c" "CMakeFiles/scholia_core.dir/src/log.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/log.c.o.d"
  "/work/main/src/marker.c" "CMakeFiles/scholia_core.dir/src/marker.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/marker.c.o.d"
  "/work/main/src/notes.c" "CMakeFiles/scholia_core.dir/src/notes.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/notes.c.o.d"
  "/work/main/src/outline.c" "CMakeFiles/scholia_core.dir/src/outline.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/outline.c.o.d"
  "/work/main/src/parse_md.c" "CMakeFiles/scholia_core.dir/src/parse_md.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/parse_md.c.o.d"
  "/work/main/src/parse_text.c" "CMakeFiles/scholia_core.dir/src/parse_text.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/parse_text.c.o.d"
  "/work/main/src/source.c" "CMakeFiles/scholia_core.dir/src/source.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/source.c.o.d"
  "/work/main/src/text.c" "CMakeFiles/scholia_core.dir/src/text.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/text.c.o.d"
  "/work/main/src/xmalloc.c" "CMakeFiles/scholia_core.dir/src/xmalloc.c.o" "gcc" "CMakeFiles/scholia_core.dir/src/xmalloc.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
