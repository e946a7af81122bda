/* LD_PRELOAD clock for the CMS stand-in: the process's wall clock stands still
   at BKR_FAKE_EPOCH (seconds since 1970, UTC) plus BKR_FAKE_USEC microseconds,
   so that a test of the instant 00:59:59.6 sees that instant however long the
   interpreter takes to start on a busy machine. Built by tests that need a DUE
   at a given instant:
       cc -shared -fPIC -o fakeclock.so fakeclock.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

typedef int (*gettime_fn)(clockid_t, struct timespec *);

int clock_gettime(clockid_t clock, struct timespec *ts) {
    gettime_fn real = (gettime_fn)dlsym(RTLD_NEXT, "clock_gettime");
    int rc = real(clock, ts);
    if (rc == 0 && clock == CLOCK_REALTIME) {
        const char *epoch = getenv("BKR_FAKE_EPOCH"), *usec = getenv("BKR_FAKE_USEC");
        if (epoch) {
            ts->tv_sec = (time_t)atoll(epoch);
            ts->tv_nsec = usec ? (long)(atoll(usec) * 1000LL) : 0;
        }
    }
    return rc;
}

int gettimeofday(struct timeval *tv, void *tz) {
    struct timespec ts;
    (void)tz;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (tv) {
        tv->tv_sec = ts.tv_sec;
        tv->tv_usec = ts.tv_nsec / 1000;
    }
    return 0;
}

time_t time(time_t *out) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (out) *out = ts.tv_sec;
    return ts.tv_sec;
}
