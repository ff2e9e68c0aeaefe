CMakeFiles/scholia_ui.dir/ui/term.c.o: /work/main/ui/term.c \
 /usr/include/stdc-predef.h /work/main/ui/ui.h
