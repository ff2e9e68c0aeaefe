CMakeFiles/scholia_core.dir/src/encoding.c.o: /work/main/src/encoding.c \
 /usr/include/stdc-predef.h /work/main/include/scholia/encoding.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /work/main/include/scholia/buf.h
