/* The one private header of the curses front end; the only include of curses. */
#ifndef SCHOLIA_UI_H
#define SCHOLIA_UI_H
#endif
