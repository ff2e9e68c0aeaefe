CMakeFiles/scholia_core.dir/src/layout.c.o: /work/main/src/layout.c \
 /usr/include/stdc-predef.h /work/main/include/scholia/layout.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h
