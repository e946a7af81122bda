" Vim indent file
" Language:   bkr (bkrdsl: the backups of a z/VM SSI cluster)
" One 'shiftwidth' per open brace; a line that starts with } goes back one.

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=GetBkrIndent(v:lnum)
setlocal indentkeys=0{,0},0#,!^F,o,O
setlocal autoindent nolisp nosmartindent nocindent

let b:undo_indent = 'setlocal indentexpr< indentkeys< autoindent< lisp< smartindent< cindent<'

if exists('*GetBkrIndent')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" The braces of a line that count: none inside a string or a comment.
function! s:Code(line) abort
  let line = substitute(a:line, '"\%([^"\\]\|\\.\)*"\=', '""', 'g')
  " `#` starts a comment only where a name cannot continue (A#1 is a name).
  return substitute(line, '\%(^\|[^A-Za-z0-9$#@_*%?+\-:.]\)\zs#.*$', '', '')
endfunction

" A statement `bkrc fmt` filled over several lines (docs/fmt.md, "Long lists"):
" its continuation lines align under the first value of its list.
let s:options = '\c^\s*\%(catalog\|request\)-\%(node\|dmm\)\>'
let s:valued = '\c^\s*\%(include\|exclude\|private-volume\|shared-volume\)\s'

" Whether line lnum continues the statement of the nonblank line before it.
function! s:Continues(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0 || getline(a:lnum) =~# '^\s*[}#]'
    return 0
  endif
  if s:Code(getline(prev)) =~# ',\s*$' || getline(a:lnum) =~# s:options
    return 1
  endif
  " Addresses, SFS paths or volume labels after a selection or a volume list: never
  " a word of letters only there (bkrc fmt keeps those inside a line).
  return getline(a:lnum) =~# '^\s*[A-Za-z-]*[0-9$@_*%?+:.]'
        \ && getline(s:First(prev)) =~# s:valued && s:Code(getline(prev)) !~# '[{}]'
endfunction

" The first line of the statement that line lnum is part of.
function! s:First(lnum) abort
  let lnum = a:lnum
  while s:Continues(lnum)
    let lnum = prevnonblank(lnum - 1)
  endwhile
  return lnum
endfunction

" The column continuation lines of the statement starting on line lnum align at.
function! s:Align(lnum) abort
  let line = s:Code(getline(a:lnum))
  let comma = match(line, ',')
  if comma >= 0
    return match(strpart(line, 0, comma), '\S\+\s*$')
  endif
  let option = match(line, '\c\<\%(catalog\|request\)-\%(node\|dmm\)\>')
  if option >= 0
    return option
  endif
  " After `include minidisk OWNER`, `include sfs`, `private-volume`.
  let words = line =~? '^\s*\%(include\|exclude\)\s\+minidisk\s' ? 3 : line =~? '^\s*\%(include\|exclude\)\s' ? 2 : 1
  return matchend(line, '^\s*\%(\S\+\s\+\)\{' . words . '}')
endfunction

function! GetBkrIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  if s:Continues(a:lnum)
    return s:Align(s:First(prev))
  endif
  " After a statement filled over several lines: from the line it started on.
  let first = s:First(prev)
  if first != prev
    let code = s:Code(getline(prev))
    let opened = len(substitute(code, '[^{]', '', 'g')) - len(substitute(code, '[^}]', '', 'g'))
    let ind = indent(first) + shiftwidth() * (opened > 0 ? 1 : 0)
    return getline(a:lnum) =~# '^\s*}' ? max([ind - shiftwidth(), 0]) : ind
  endif
  let code = s:Code(getline(prev))
  let opened = len(substitute(code, '[^{]', '', 'g')) - len(substitute(code, '[^}]', '', 'g'))
  " A line that starts with } already paid for its brace on the line it closes.
  if code =~# '^\s*}'
    let opened += 1
  endif
  let ind = indent(prev) + shiftwidth() * (opened > 0 ? 1 : opened < 0 ? -1 : 0)
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction

let &cpo = s:cpo_save
unlet s:cpo_save
