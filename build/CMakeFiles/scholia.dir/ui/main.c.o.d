CMakeFiles/scholia.dir/ui/main.c.o: /work/main/ui/main.c \
 /usr/include/stdc-predef.h
