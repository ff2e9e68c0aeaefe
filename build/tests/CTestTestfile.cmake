# CMake generated Testfile for 
# Source directory: /work/main/tests
# Build directory: /work/main/build/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(golden "/work/main/tests/golden/run.sh" "/work/main/build/scholia" "/work/main/tests/golden")
set_tests_properties(golden PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;35;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(cli "/work/main/tests/cli.sh" "/work/main/build/scholia" "/work/main/../shared/corpus")
set_tests_properties(cli PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;39;add_test;/work/main/tests/CMakeLists.txt;0;")
