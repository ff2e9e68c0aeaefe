tests/CMakeFiles/scholia_core_tiny.dir/__/src/keywords.c.o: \
 /work/main/src/keywords.c /usr/include/stdc-predef.h \
 /work/main/include/scholia/doc.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /work/main/include/scholia/buf.h /work/main/include/scholia/keywords.h
