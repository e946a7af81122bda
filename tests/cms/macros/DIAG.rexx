/* DIAG stand-in: CMS REXX's DIAG(8, cpcommand) for Regina: the response
   only, each line followed by X'15' (see DIAGRC.rexx). */
trace off
parse arg code, command
if code <> 8 then do
  say 'DIAG stand-in: only DIAGNOSE 8 is emulated, not' code
  exit 99
end
address command 'CP' command with output stem out.
response = ''
do i = 1 to out.0
  response = response || out.i || '15'x
end
return response
