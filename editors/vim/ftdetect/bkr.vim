" bkr: the .bkr files of bkrdsl (the backups of a z/VM SSI cluster).
autocmd BufNewFile,BufRead *.bkr setfiletype bkr
