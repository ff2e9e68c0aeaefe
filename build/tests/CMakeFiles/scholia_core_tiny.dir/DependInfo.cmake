
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/buf.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/buf.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/buf.c.o.d"
  "/work/main/src/doc.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/doc.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/doc.c.o.d"
  "/work/main/src/encoding.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/encoding.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/encoding.c.o.d"
  "/work/main/src/export.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/export.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/export.c.o.d"
  "/work/main/src/heal.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/heal.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/heal.c.o.d"
  "/work/main/src/keywords.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/keywords.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/keywords.c.o.d"
  "/work/main/src/layout.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/layout.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/layout.c.o.d"
  "/work/main/src/load.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/load.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/load.c.o.d"
  "/work/main/src/log.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/log.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/log.c.o.d"
  "/work/main/src/marker.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/marker.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/marker.c.o.d"
  "/work/main/src/notes.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/notes.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/notes.c.o.d"
  "/work/main/src/outline.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/outline.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/outline.c.o.d"
  "/work/main/src/parse_md.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/parse_md.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/parse_md.c.o.d"
  "/work/main/src/parse_text.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/parse_text.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/parse_text.c.o.d"
  "/work/main/src/source.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/source.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/source.c.o.d"
  "/work/main/src/text.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/text.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/text.c.o.d"
  "/work/main/src/xmalloc.c" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/xmalloc.c.o" "gcc" "tests/CMakeFiles/scholia_core_tiny.dir/__/src/xmalloc.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
