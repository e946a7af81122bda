/* LD_PRELOAD for the CMS stand-in: a command an EXEC issues reaches the
   stand-in's programs exactly as the EXEC wrote it, as CMS hands it on.

   Under ADDRESS COMMAND Regina splits a command into a program's arguments
   as a shell would: quotes and backslashes are dropped and quoted blanks
   join words ('CP SMSG X SUBMIT J ''NOW''' reached tests/cms/bin/CP as
   SMSG X SUBMIT J NOW), where CMS passes the text as written and CP, through
   DIAGNOSE X'08', receives it so. With REGINA_OPTIONS=BROKEN_ADDRESS_COMMAND
   Regina runs each such command as system(command) in a child of its own
   (Regina 3.6, os_unx.c); this system() runs the program the command's
   first word names, found on PATH, with the command's blank-separated words
   as its arguments and the whole command, untouched, in BKR_CMS_COMMAND.
   A program it cannot run ends with SIGKILL, as Regina's own child does
   when its exec fails.

   A negative rc (CMS's -3, "no such command") cannot be a process's exit
   status, which is 0 to 255, and Regina reads a command's rc from that
   status: a child ended by signal n is rc -n (Regina 3.6, found by
   experiment). So the stand-in's programs write each command's rc in full
   to $BKR_CMS_DIR/lastrc (which this system() removes before it runs the
   command), and where that rc is negative, this system() returns the
   status of a child ended by that signal, without any signal sent: the
   EXEC reads the rc itself. Regina gives back -3 to -14 so, the rcs a
   test may ask for (tests/cms/standin.py checks it); it reads some other
   numbers as -9. Built by tests/cms/standin.py:
       cc -shared -fPIC -o command.so command.c */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORDS 256

/* The negative rcs a child's status carries to Regina exactly (-n as
   signal n): tests/cms/standin.py's CARRIED_NEGATIVE_RCS says the same. */
#define LOWEST_CARRIED 14
#define HIGHEST_CARRIED 3

/* The path of the stand-in's lastrc file, or 0 when BKR_CMS_DIR is unset. */
static int lastrc_path(char *path, size_t size) {
    const char *dir = getenv("BKR_CMS_DIR");
    return dir != NULL && snprintf(path, size, "%s/lastrc", dir) < (int)size;
}

/* The rc the stand-in's program wrote, when it is one a status carries
   only as a signal (HIGHEST_CARRIED to LOWEST_CARRIED below 0), else 0. */
static int negative_rc(const char *path) {
    FILE *file = fopen(path, "r");
    long rc = 0;

    if (file == NULL)
        return 0;
    if (fscanf(file, "%ld", &rc) != 1)
        rc = 0;
    fclose(file);
    return rc <= -HIGHEST_CARRIED && rc >= -LOWEST_CARRIED ? (int)-rc : 0;
}

/* A shell that starts a command in the background without job control
   (`cmd &` in a script, as CI runners and nohup do) leaves SIGINT and SIGQUIT
   ignored in it, and Regina then reads a status of signal 2 or 3 otherwise
   (rc -3 came back as -9): Regina starts with both at their defaults. */
__attribute__((constructor)) static void default_signals(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
}

int system(const char *command) {
    pid_t pid;
    int status, signal_number;
    char lastrc[PATH_MAX];
    int has_lastrc;

    if (command == NULL)
        return 1; /* a command processor is available */
    has_lastrc = lastrc_path(lastrc, sizeof lastrc);
    if (has_lastrc)
        unlink(lastrc); /* no earlier command's rc is read for this one */
    pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        char *words[MAX_WORDS + 1];
        char *copy = strdup(command), *save = NULL, *word;
        int n = 0;

        for (word = copy ? strtok_r(copy, " ", &save) : NULL; word != NULL && n < MAX_WORDS;
             word = strtok_r(NULL, " ", &save))
            words[n++] = word;
        words[n] = NULL;
        if (n > 0 && setenv("BKR_CMS_COMMAND", command, 1) == 0)
            execvp(words[0], words);
        raise(SIGKILL);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (has_lastrc && WIFEXITED(status) && (signal_number = negative_rc(lastrc)) != 0)
        return signal_number; /* the status of a child ended by that signal: Regina's rc -n */
    return status;
}
