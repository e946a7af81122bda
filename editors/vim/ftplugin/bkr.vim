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

let &cpo = s:cpo_save
unlet s:cpo_save
