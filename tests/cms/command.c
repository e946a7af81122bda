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
   when its exec fails. Built by tests/cms/standin.py:
       cc -shared -fPIC -o command.so command.c */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORDS 256

int system(const char *command) {
    pid_t pid;
    int status;

    if (command == NULL)
        return 1; /* a command processor is available */
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
    return status;
}
