CMakeFiles/scholia_core.dir/src/heal.c.o: /work/main/src/heal.c \
 /usr/include/stdc-predef.h /work/main/include/scholia/doc.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /work/main/include/scholia/buf.h /work/main/include/scholia/heal.h
