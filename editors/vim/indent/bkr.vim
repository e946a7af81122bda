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

function! GetBkrIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
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
