CMakeFiles/scholia_core.dir/src/parse_md.c.o: /work/main/src/parse_md.c \
 /usr/include/stdc-predef.h /work/main/include/scholia/doc.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /work/main/include/scholia/buf.h /work/main/include/scholia/parse.h
