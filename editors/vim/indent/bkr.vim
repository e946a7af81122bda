" Vim indent file
" Language:   bkr (bkrdsl: the backups of a z/VM SSI cluster)
" One 'shiftwidth' per open brace; a line that starts with } goes back one; the
" continuation lines of a statement where `bkrc fmt` puts them (docs/fmt.md).

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

" Whether a line holds a comment (after code or alone).
function! s:HasComment(line) abort
  let line = substitute(a:line, '"\%([^"\\]\|\\.\)*"\=', '""', 'g')
  return line =~# '\%(^\|[^A-Za-z0-9$#@_*%?+\-:.]\)#'
endfunction

" The nearest line before lnum that holds code (comment lines and blank lines skipped).
function! s:PrevCode(lnum) abort
  let lnum = prevnonblank(a:lnum - 1)
  while lnum > 0 && getline(lnum) =~# '^\s*#'
    let lnum = prevnonblank(lnum - 1)
  endwhile
  return lnum
endfunction

" The nearest line after lnum that holds code, or 0.
function! s:NextCode(lnum) abort
  let lnum = nextnonblank(a:lnum + 1)
  while lnum > 0 && getline(lnum) =~# '^\s*#'
    let lnum = nextnonblank(lnum + 1)
  endwhile
  return lnum
endfunction

" A statement `bkrc fmt` filled over several lines (docs/fmt.md, "Long lists"), or
" broken by a comment inside it ("Comments"): its continuation lines align under
" the first value of its list, or four spaces further in than the statement
" before the list starts (and in a statement without a list).
let s:options = '\c^\s*\%(catalog\|request\)-\%(node\|dmm\)\>'
let s:valued = '\c^\s*\%(include\|exclude\|private-volume\|shared-volume\)\%(\s\|$\)'
" The keywords that start a statement (bkrdsl.syntax.fast.STATEMENT_KEYWORDS;
" tests/test_editors.py checks that they agree). A line starting with any other
" word continues a statement, except in a group body, whose entries are names.
let s:starts = '\c^\s*\%(backup\|catalog\|cluster\|description\|disk\|exclude\|expire\|identity\|import\|include\|job\|job-suffix\|link\|match\|member\|preview\|private-volume\|purge\|retain\|run\|shared-volume\|single\|subconfig\|tape\|to\|workers\)\%(\s\|$\)'

" Whether line lnum (not a comment) is in the body of a group, where every line is an entry.
function! s:InGroupBody(lnum) abort
  let depth = 0
  let lnum = a:lnum - 1
  while lnum > 0
    let code = s:Code(getline(lnum))
    let depth += len(substitute(code, '[^}]', '', 'g')) - len(substitute(code, '[^{]', '', 'g'))
    if depth < 0
      return s:Code(getline(s:First(lnum))) =~? '\<group\>'
    endif
    let lnum -= 1
  endwhile
  return 0
endfunction

" Whether line lnum continues the statement of the code line before it.
function! s:Continues(lnum) abort
  let prev = s:PrevCode(a:lnum)
  if prev == 0 || getline(a:lnum) =~# '^\s*[}#]'
    return 0
  endif
  let code = s:Code(getline(prev))
  if code =~# ',\s*$' || getline(a:lnum) =~# s:options
    return 1
  endif
  if code =~# '[{}]\s*$'
    return 0
  endif
  " Addresses, SFS paths or volume labels after a selection or a volume list: never
  " a word of letters only there (bkrc fmt keeps those inside a line).
  if getline(a:lnum) =~# '^\s*[A-Za-z-]*[0-9$@_*%?+:.]'
        \ && getline(s:First(prev)) =~# s:valued && code !~# '[{}]'
    return 1
  endif
  " Broken by a comment: bkrc fmt breaks a statement without a list nowhere else.
  " Known by the line's first word, so a new line (`o`) after a comment starts a
  " statement: most lines with a comment end theirs.
  if getline(a:lnum) !~# '\S' || !s:HasComment(getline(prev)) && prevnonblank(a:lnum - 1) == prev
    return 0
  endif
  return getline(a:lnum) !~# s:starts && !s:InGroupBody(a:lnum)
endfunction

" The first line of the statement that line lnum is part of.
function! s:First(lnum) abort
  let lnum = a:lnum
  while s:Continues(lnum)
    let lnum = s:PrevCode(lnum)
  endwhile
  return lnum
endfunction

" The column of line lnum, a continuation line of the statement that starts on
" line first: under the first value of the statement's list when a line before
" lnum holds it, else four spaces further in than the statement.
function! s:Align(first, lnum) abort
  let words = []  " [column, word] of each word of the statement before line lnum
  let lnum = a:first
  while lnum > 0 && lnum < a:lnum
    let line = getline(lnum)
    if line !~# '^\s*#'
      let code = s:Code(line)
      let at = match(code, '\S')
      while at >= 0
        let word = matchstr(code, '\S\+', at)
        call add(words, [at, word])
        let at = match(code, '\S', at + len(word))
      endwhile
    endif
    let lnum = nextnonblank(lnum + 1)
  endwhile
  " A list of names: the first one written with a comma after it (not a day list,
  " whose commas stand between its days).
  for [at, word] in words
    if word =~# ',$'
      return at
    endif
  endfor
  let head = join(map(copy(words), 'v:val[1]'))
  if head =~? '^tape\>'
    for [at, word] in words
      if word =~? '^\%(catalog\|request\)-\%(node\|dmm\)$'
        return at
      endif
    endfor
  elseif head =~? '^\%(include\|exclude\|private-volume\|shared-volume\)\>'
    " After `include minidisk OWNER`, `include sfs`, `private-volume`.
    let n = head =~? '^\S\+ minidisk\>' ? 3 : head =~? '^\%(include\|exclude\)\>' ? 2 : 1
    if len(words) > n
      return words[n][0]
    endif
  endif
  return indent(a:first) + 4
endfunction

function! GetBkrIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  if s:Continues(a:lnum)
    return s:Align(s:First(s:PrevCode(a:lnum)), a:lnum)
  endif
  " A comment line inside a statement: as the continuation line it stands above.
  if getline(a:lnum) =~# '^\s*#'
    let next = s:NextCode(a:lnum)
    if next > 0 && s:Continues(next)
      return s:Align(s:First(s:PrevCode(next)), next)
    endif
    let code = s:PrevCode(a:lnum)
    if code > 0 && s:Code(getline(code)) =~# ',\s*$'
      return s:Align(s:First(code), a:lnum)
    endif
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
