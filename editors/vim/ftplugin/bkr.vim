" Vim filetype plugin
" Language:   bkr (bkrdsl: the backups of a z/VM SSI cluster)

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

" `#` comments; `##` documents the declaration below it.
setlocal commentstring=#\ %s
setlocal comments=:##,:#
" Wrap comments, continue them on Enter and o/O; never wrap code.
setlocal formatoptions-=t formatoptions+=croql
" A name runs over these characters (z/VM IDs and patterns: $ # @ * % ? + - : .),
" so * and completion take LNXAPP* or catalog-node as one word.
setlocal iskeyword=@,48-57,_,$,#,@-@,*,%,?,+,-,:,.
" gf on `import ./site/common` opens ./site/common.bkr.
setlocal suffixesadd=.bkr
setlocal include=^\\s*import\\s\\+

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< iskeyword< suffixesadd< include<'

" bkrc fmt's layout: two spaces a level, no tabs, so that `=` and >> indent as
" bkrc fmt does. `let g:bkr_recommended_style = 0` in the vimrc keeps your own.
if get(g:, 'bkr_recommended_style', 1)
  setlocal expandtab shiftwidth=2 softtabstop=2
  let b:undo_ftplugin .= ' expandtab< shiftwidth< softtabstop<'
endif

let &cpo = s:cpo_save
unlet s:cpo_save
