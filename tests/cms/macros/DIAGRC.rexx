/* DIAGRC stand-in: CMS REXX's DIAGRC(8, cpcommand) for Regina.

   Regina looks external functions up on REGINA_MACROS by their upper-case
   name, so a generated EXEC's call diagrc(8, 'QUERY USERID') lands here.
   The command goes to the CP stand-in (tests/cms/bin/CP, first on PATH),
   which records it. The result has CMS's layout: a 16-character header
   (CP's return code right-justified in columns 1-9, a blank, the condition
   code in column 11, 0 as the whole response fits, 5 blanks), then the response with X'15' after every
   line. Public CMS code reads it so: `Parse Value DiagRC(08, ...) With 1 rc
   10 . 17 rs '15'x` (trothtech/uft, cms/uftxdspl.rexx). The rc is
   read in full from the stand-in's `lastrc` (a process exits with 0 to
   255 only: -3 and 2147483647 come through so); one longer than 9
   columns pushes the condition code right, the response still starts
   in column 17. */
trace off
parse arg code, command
if code <> 8 then do
  say 'DIAGRC stand-in: only DIAGNOSE 8 is emulated, not' code
  exit 99
end
dir = value('BKR_CMS_DIR', , 'ENVIRONMENT')
call stream dir'/lastrc', 'C', 'OPEN WRITE REPLACE'
call stream dir'/lastrc', 'C', 'CLOSE'
address command 'CP' command with output stem out.
cprc = rc
if lines(dir'/lastrc') > 0 then cprc = linein(dir'/lastrc')
call stream dir'/lastrc', 'C', 'CLOSE'
response = ''
do i = 1 to out.0
  response = response || out.i || '15'x
end
/* A case's `odd none`: a DIAGRC that gives the response and no rc. */
if translate(cprc) == 'NONE' then return response
/* The condition code is 1 only for a response too long for the buffer
   (IBM VM/PC User's Guide, Appendix A, DIAGNOSE Code X'08': "condition
   code 1 -- The request was unsuccessful. The response does not fit into
   the buffer"); CP's error is the rc. The stand-in's response always fits. */
cc = 0
return left(right(cprc, max(9, length(cprc))) cc, 16)response
