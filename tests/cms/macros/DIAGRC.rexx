/* DIAGRC stand-in: CMS REXX's DIAGRC(8, cpcommand) for Regina.

   Regina looks external functions up on REGINA_MACROS by their upper-case
   name, so a generated EXEC's call diagrc(8, 'QUERY USERID') lands here.
   The command goes to the CP stand-in (tests/cms/bin/CP, first on PATH),
   which records it. The result has CMS's layout: a 16-character header
   (CP's return code right-justified in columns 1-9, a blank, the condition
   code in column 11, 5 blanks), then the response with X'15' after every
   line. Public CMS code reads it so: `Parse Value DiagRC(08, ...) With 1 rc
   10 . 17 rs '15'x` (trothtech/uft, cms/uftxdspl.rexx). */
trace off
parse arg code, command
if code <> 8 then do
  say 'DIAGRC stand-in: only DIAGNOSE 8 is emulated, not' code
  exit 99
end
address command 'CP' command with output stem out.
cprc = rc
cc = 0
if cprc <> 0 then cc = 1
response = ''
do i = 1 to out.0
  response = response || out.i || '15'x
end
return right(cprc, 9) cc'     'response
