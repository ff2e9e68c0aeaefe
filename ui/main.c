/* Stub: command line entry. */
int main(void) { return 0; }
