/* The work of allocate.py in C: 2 million records of an int and a double, built in four steps, then freed.
 * Build: cc -O2 -o allocate examples/allocate.c
 * Compare: pyrometer run --memory examples/allocate.py --command -- ./allocate */
#include <stdlib.h>
#include <time.h>

struct record {
    long i;
    double x;
};

static void pause_ms(long ms)
{
    struct timespec t = { 0, ms * 1000000L };
    nanosleep(&t, NULL);
}

int main(void)
{
    struct record* records = NULL;
    size_t count = 0;
    for (int step = 0; step < 4; ++step) {
        records = realloc(records, (count + 500000) * sizeof *records);
        if (!records)
            return 1;
        for (long i = 0; i < 500000; ++i, ++count) {
            records[count].i = i;
            records[count].x = i * 2.0;
        }
        pause_ms(50);
    }
    free(records);
    pause_ms(50);
    return 0;
}
