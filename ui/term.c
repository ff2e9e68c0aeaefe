/* Stub: terminal setup. */
#include "ui.h"
